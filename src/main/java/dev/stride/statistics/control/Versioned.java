package dev.stride.statistics.control;

/**
 * A value computed from a user's sessions, with the version of those sessions it was computed from
 * (see {@code UserVersions}): while the version is unchanged, so is the value.
 */
public record Versioned<T>(long version, T value) {}
