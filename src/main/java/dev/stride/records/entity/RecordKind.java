package dev.stride.records.entity;

/**
 * The kinds of personal record, in the order the contract's table lists them (which is the order
 * they sort in): the longest session, the farthest, the one with the most calories, and the fastest
 * stretch of a record distance.
 */
public enum RecordKind {
  LONGEST_DURATION("longestDuration"),
  FARTHEST_DISTANCE("farthestDistance"),
  MOST_CALORIES("mostCalories"),
  FASTEST("fastest");

  private final String wireName;

  RecordKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
