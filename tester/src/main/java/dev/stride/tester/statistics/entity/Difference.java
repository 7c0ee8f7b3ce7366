package dev.stride.tester.statistics.entity;

/** A statistic the service reports differently from what the sessions sent imply. */
public record Difference(String userId, String field, String expected, String actual) {

  @Override
  public String toString() {
    return userId + " " + field + ": expected " + expected + ", service says " + actual;
  }
}
