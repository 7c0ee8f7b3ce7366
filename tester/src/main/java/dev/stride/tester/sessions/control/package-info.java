/**
 * Sending and reading sessions: the JSON the service accepts (written by hand, because the tester
 * must send 100,000 sessions a second), the {@code /sessions} requests and the sessions CSV files.
 */
package dev.stride.tester.sessions.control;
