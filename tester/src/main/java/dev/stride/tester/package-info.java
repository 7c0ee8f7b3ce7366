/**
 * The Stride tester, a command-line client of the Stride service. Its business components are
 * {@code simulation} (simulated users and their sessions, sent under load), {@code sessions} (the
 * sessions resource and its CSV), {@code statistics} (fetching, expecting, comparing), {@code
 * service} (the Jakarta REST client with retries and the token), {@code access} (whom a token acts
 * for, the tokens a run mints for its users), {@code measurement} (latencies and throughput),
 * {@code output} (CSV files) and {@code bench} (a sink to measure the tester itself). Commands are
 * the boundary; exit codes are listed in {@link dev.stride.tester.ExitCode}.
 */
package dev.stride.tester;
