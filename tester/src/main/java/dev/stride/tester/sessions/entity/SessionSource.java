package dev.stride.tester.sessions.entity;

/** The file a session was imported from: its format, the SHA-256 of its bytes, its samples. */
public record SessionSource(String format, String sha256, Long samples) {}
