package dev.stride.tester.sessions.entity;

import java.util.List;

/**
 * One page of {@code GET /sessions/changes}: the changes after the position asked for, in the order
 * they committed, the position after them, and whether more were there already.
 */
public record ChangesPage(List<Change> changes, String next, Boolean hasMore) {}
