/** The {@code stats} command: the statistics (and series) of chosen users as CSV. */
package dev.stride.tester.statistics.boundary;
