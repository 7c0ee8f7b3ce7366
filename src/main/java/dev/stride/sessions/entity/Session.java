package dev.stride.sessions.entity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One exercise session of a user: what they did ({@link Activity}), when it started, how long it
 * lasted and, where the device measured them, distance, calories and heart rates. Its id and user
 * never change; its other input fields may, through a PATCH (see SessionEditor), which moves {@code
 * updatedAt}. A client that sends it again with the same id gets it back unchanged.
 *
 * <p>Stored as a row of the {@code sessions} table ({@code db/migration/V1__sessions.sql}; read and
 * written over JDBC by the control classes, see SessionRows). The table's key is {@code
 * (started_at, id)} because it may be a TimescaleDB hypertable; the id alone is unique through
 * {@code session_ids}.
 */
public class Session {
  private UUID id;

  private String userId;

  private Activity activity;

  private Instant startedAt;

  private int durationSeconds;

  private Double distanceMeters;

  private Integer calories;

  private Integer avgHeartRate;

  private Integer maxHeartRate;

  private String notes;

  private Instant createdAt;

  private Instant updatedAt;

  private Source source;

  /**
   * A session about to be recorded. {@code startedAt} is kept to the microsecond, the precision
   * PostgreSQL stores, so that what is compared on a retry is what was stored.
   */
  public Session(
      UUID id,
      String userId,
      Activity activity,
      Instant startedAt,
      int durationSeconds,
      Double distanceMeters,
      Integer calories,
      Integer avgHeartRate,
      Integer maxHeartRate,
      String notes) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MICROS);
    this.durationSeconds = durationSeconds;
    this.distanceMeters = distanceMeters;
    this.calories = calories;
    this.avgHeartRate = avgHeartRate;
    this.maxHeartRate = maxHeartRate;
    this.notes = notes;
  }

  /** The stored form of this session, as the database completed it. */
  public Session stored(Instant created, Instant updated) {
    Session stored =
        new Session(
            id,
            userId,
            activity,
            startedAt,
            durationSeconds,
            distanceMeters,
            calories,
            avgHeartRate,
            maxHeartRate,
            notes);
    stored.createdAt = created;
    stored.updatedAt = updated;
    stored.source = source;
    return stored;
  }

  /** This session as imported from a file ({@code null}: sent as JSON). */
  public Session withSource(Source from) {
    Session imported = stored(createdAt, updatedAt);
    imported.source = from;
    return imported;
  }

  /** The stored form of a session recorded just now: never changed yet. */
  public Session storedAt(Instant created) {
    return stored(created, created);
  }

  /**
   * Whether {@code other} says the same as this session: every input field equal, instants as
   * instants and numbers as numbers. A retry must be this; anything else under the id is a
   * conflict.
   */
  public boolean hasSameContentAs(Session other) {
    return id.equals(other.id)
        && userId.equals(other.userId)
        && activity == other.activity
        && startedAt.equals(other.startedAt)
        && durationSeconds == other.durationSeconds
        && sameNumber(distanceMeters, other.distanceMeters)
        && Objects.equals(calories, other.calories)
        && Objects.equals(avgHeartRate, other.avgHeartRate)
        && Objects.equals(maxHeartRate, other.maxHeartRate)
        && Objects.equals(notes, other.notes);
  }

  private static boolean sameNumber(Double a, Double b) {
    return a == null ? b == null : b != null && a.doubleValue() == b.doubleValue();
  }

  public UUID id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public Activity activity() {
    return activity;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public int durationSeconds() {
    return durationSeconds;
  }

  public Double distanceMeters() {
    return distanceMeters;
  }

  public Integer calories() {
    return calories;
  }

  public Integer avgHeartRate() {
    return avgHeartRate;
  }

  public Integer maxHeartRate() {
    return maxHeartRate;
  }

  public String notes() {
    return notes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When it was last changed; its creation until then. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** The file it was imported from; {@code null} for a session sent as JSON. */
  public Source source() {
    return source;
  }
}
