/**
 * Operations: what an operator needs to see Stride run. Every request gets an id (passed on from
 * Nginx or made here) that its log lines and its 5xx problem carry; every request is counted and
 * timed per route template and status class for Prometheus ({@code /metrics}); log lines are text
 * or JSON ({@code STRIDE_LOG_FORMAT}).
 */
package dev.stride.operations;
