package dev.stride.tester.access.entity;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/tokens}: a token for {@code userId} with these scopes. */
public record NewToken(String name, List<String> scopes, String userId, Instant expiresAt) {}
