/**
 * What a run measured: requests, answers by status, latency percentiles from an HdrHistogram,
 * elapsed time and throughput, printed and written to {@code summary.csv}.
 */
package dev.stride.tester.measurement.control;
