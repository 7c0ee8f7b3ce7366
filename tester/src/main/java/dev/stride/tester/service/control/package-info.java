/**
 * The Jakarta REST client to the Stride service: one client per run, retries with exponential
 * backoff on network errors and 5xx answers (never on 4xx), latency of every request.
 */
package dev.stride.tester.service.control;
