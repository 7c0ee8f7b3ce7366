package dev.stride.tester.sessions.entity;

import java.util.List;

/** One page of {@code GET /sessions}; {@code nextCursor} is null on the last page. */
public record SessionsPage(List<StoredSession> items, String nextCursor) {}
