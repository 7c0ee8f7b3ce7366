/**
 * Exercise sessions as the contract defines them: who exercised, which activity, when, how long
 * and, when known, how far, how many calories and at which heart rate. A session sent by the tester
 * always carries a client-chosen id so that a retried POST never stores it twice.
 */
package dev.stride.tester.sessions.entity;
