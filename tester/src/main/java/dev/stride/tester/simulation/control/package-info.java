/**
 * Running a simulation: generating each user's sessions from the seed, sending them with concurrent
 * workers, one by one or in batches, and keeping what the statistics must say about every session
 * the service accepted.
 */
package dev.stride.tester.simulation.control;
