package dev.stride.tester.access.entity;

import java.util.List;

/** The answer of {@code GET /api/tokens}: a user's tokens, without their secrets. */
public record TokenList(List<Token> items) {}
