/**
 * A user's personal records (contract: "Records"): the longest, farthest and most-calories session
 * per activity, and the fastest stretch of each record distance within one session's samples.
 *
 * <p>The fastest stretches of a session are measured once, when its file is imported (they depend
 * only on its samples), and kept in {@code session_fastest}; a records request only picks the best
 * of them, so its cost grows with the number of sessions, not of samples.
 */
package dev.stride.records;
