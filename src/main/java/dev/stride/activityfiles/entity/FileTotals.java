package dev.stride.activityfiles.entity;

/**
 * The totals a file states about its activity (a TCX lap summary, a FIT session message), {@code
 * null} where it states none. They win over what the samples would give (contract: "the file's own
 * total when it has one").
 */
public record FileTotals(
    Double distanceMeters, Integer avgHeartRate, Integer maxHeartRate, Integer calories) {

  public static final FileTotals NONE = new FileTotals(null, null, null, null);
}
