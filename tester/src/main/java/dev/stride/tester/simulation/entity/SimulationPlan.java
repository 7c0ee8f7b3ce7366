package dev.stride.tester.simulation.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What to simulate: {@code users} users with {@code sessionsPerUser} sessions each, started on UTC
 * days from {@code from} (inclusive) to {@code to} (exclusive). The seed decides everything else,
 * the user ids and session ids included.
 */
public record SimulationPlan(
    long seed, int users, int sessionsPerUser, LocalDate from, LocalDate to) {

  public SimulationPlan {
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

  /** The id of the user with this index: the seed is part of it, so seeds never share users. */
  public String userId(int userIndex) {
    return "u" + seed + "-" + String.format("%05d", userIndex);
  }
}
