package dev.stride.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What became of the sessions sent to be recorded, for the operator: {@code
 * stride_sessions_recorded_total{outcome, via}} (a session new, stored already, or in conflict with
 * another under its id; sent alone, in a batch or imported from a file) and {@code
 * stride_session_batches_total{outcome}} (a batch that created sessions, only found them stored, or
 * was refused for a conflict).
 */
@ApplicationScoped
public class RecordingCounts {
  enum Outcome {
    CREATED,
    EXISTING,
    CONFLICT;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Inject MetricRegistry registry;

  private final Map<Outcome, Counter> single = new EnumMap<>(Outcome.class);
  private final Map<Outcome, Counter> inBatches = new EnumMap<>(Outcome.class);
  private final Map<Outcome, Counter> batches = new EnumMap<>(Outcome.class);
  private final Map<Outcome, Counter> imported = new EnumMap<>(Outcome.class);

  /** Made at start, so that every series is there (at 0) before the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @PostConstruct
  void register() {
    Metadata sessions =
        Metadata.builder()
            .withName("stride_sessions_recorded")
            .withDescription(
                "Sessions sent to be recorded, by outcome, sent alone, in a batch or as a file.")
            .build();
    Metadata batch =
        Metadata.builder()
            .withName("stride_session_batches")
            .withDescription("Batches of sessions answered, by outcome.")
            .build();
    for (Outcome outcome : Outcome.values()) {
      Tag tag = new Tag("outcome", outcome.label());
      single.put(outcome, registry.counter(sessions, tag, new Tag("via", "single")));
      inBatches.put(outcome, registry.counter(sessions, tag, new Tag("via", "batch")));
      imported.put(outcome, registry.counter(sessions, tag, new Tag("via", "import")));
      batches.put(outcome, registry.counter(batch, tag));
    }
  }

  void single(Outcome outcome) {
    single.get(outcome).inc();
  }

  void batch(int created, int existing) {
    inBatches.get(Outcome.CREATED).inc(created);
    inBatches.get(Outcome.EXISTING).inc(existing);
    batches.get(created > 0 ? Outcome.CREATED : Outcome.EXISTING).inc();
  }

  /** An imported file: a new session, or the file was imported before (deduplicated). */
  public void imported(boolean created) {
    imported.get(created ? Outcome.CREATED : Outcome.EXISTING).inc();
  }

  /** A batch refused for a conflict: one of its sessions is, the others were not stored. */
  void batchConflict() {
    inBatches.get(Outcome.CONFLICT).inc();
    batches.get(Outcome.CONFLICT).inc();
  }
}
