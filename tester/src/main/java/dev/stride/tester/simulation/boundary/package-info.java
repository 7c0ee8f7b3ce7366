/**
 * The {@code simulate} command: fills Stride with the sessions of simulated users, shows the
 * progress, verifies every user's statistics and writes the run's CSV files.
 */
package dev.stride.tester.simulation.boundary;
