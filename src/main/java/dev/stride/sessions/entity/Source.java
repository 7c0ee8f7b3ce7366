package dev.stride.sessions.entity;

/**
 * The activity file a session was imported from, as the session resource shows it: its format
 * ({@code gpx}, {@code tcx}, {@code fit}), the hex of its bytes' SHA-256 and how many samples it
 * gave. Kept with the file in {@code session_files} (dev.stride.activityfiles); a session sent as
 * JSON has none.
 */
public record Source(String format, String sha256, int samples) {}
