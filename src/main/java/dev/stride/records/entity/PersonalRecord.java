package dev.stride.records.entity;

import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One personal record: of which activity and kind, over which distance ({@code fastest} only, else
 * null), its value (seconds, meters or kcal) and the session that holds it.
 */
public record PersonalRecord(
    Activity activity,
    RecordKind kind,
    Double distanceMeters,
    double value,
    UUID sessionId,
    Instant startedAt) {

  /** The contract's order: by activity (its name), then kind (the table's order), then distance. */
  public static final Comparator<PersonalRecord> ORDER =
      Comparator.comparing((PersonalRecord r) -> r.activity().wireName())
          .thenComparing(PersonalRecord::kind)
          .thenComparing(r -> r.distanceMeters() == null ? 0 : r.distanceMeters());
}
