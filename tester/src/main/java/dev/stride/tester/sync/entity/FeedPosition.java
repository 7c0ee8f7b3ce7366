package dev.stride.tester.sync.entity;

/**
 * Where a local copy stands in the changes feed: the opaque {@code next} of the last page applied,
 * for the {@code userId} filter it was issued for ({@code null}: none, the token's own sessions),
 * and when it was stored.
 */
public record FeedPosition(String userId, String next, String syncedAt) {}
