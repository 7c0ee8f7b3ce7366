/**
 * A simulation: how many users, how many sessions each, over which days, from which seed, and the
 * habits that make each simulated user exercise like a person (favourite activities, the weekdays
 * they train on, the hour they like, fitness, whether they wear a heart-rate strap).
 */
package dev.stride.tester.simulation.entity;
