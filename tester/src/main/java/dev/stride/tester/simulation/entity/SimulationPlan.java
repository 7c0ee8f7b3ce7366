package dev.stride.tester.simulation.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What to simulate: {@code users} users with {@code sessionsPerUser} sessions each, started on UTC
 * days from {@code from} (inclusive) to {@code to} (exclusive). The seed decides everything else,
 * the user ids and session ids included. With a {@code realUser} the plan's one user is that real
 * user instead of a simulated one: a token without admin may send its own user's sessions only.
 */
public record SimulationPlan(
    long seed, int users, int sessionsPerUser, LocalDate from, LocalDate to, String realUser) {

  public SimulationPlan(long seed, int users, int sessionsPerUser, LocalDate from, LocalDate to) {
    this(seed, users, sessionsPerUser, from, to, null);
  }

  public SimulationPlan {
    if (realUser != null && users != 1) {
      throw new IllegalArgumentException("a plan for a real user has that one user");
    }
    if (users < 1) {
      throw new IllegalArgumentException("--users must be at least 1");
    }
    if (sessionsPerUser < 1) {
      throw new IllegalArgumentException("--sessions-per-user must be at least 1");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    if (from.getYear() < 1970) {
      throw new IllegalArgumentException("--from must not be before 1970-01-01");
    }
  }

  public long sessions() {
    return (long) users * sessionsPerUser;
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The same plan for one real user instead of simulated ones. */
  public SimulationPlan forRealUser(String userId) {
    return new SimulationPlan(seed, 1, sessionsPerUser, from, to, userId);
  }

  /** The id of the user with this index: the seed is part of it, so seeds never share users. */
  public String userId(int userIndex) {
    return realUser != null ? realUser : "u" + seed + "-" + String.format("%05d", userIndex);
  }

  /** Every user's id, in the order of their index. */
  public List<String> userIds() {
    return IntStream.range(0, users).mapToObj(this::userId).toList();
  }
}
