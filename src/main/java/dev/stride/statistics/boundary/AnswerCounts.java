package dev.stride.statistics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How statistics and series answers were served, {@code stride_statistics_answers_total{answer}}:
 * {@code not_modified} (304, the client's copy is current), {@code kept} (the answer kept for the
 * user's current version), {@code computed} (read from the database). Few {@code computed} under
 * load means the answer cache holds; many means writes keep changing the users being read.
 */
@ApplicationScoped
public class AnswerCounts {
  @Inject MetricRegistry registry;

  private Counter notModified;
  private Counter kept;
  private Counter computed;

  /** Made at start, so that every series is there (at 0) before the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @PostConstruct
  void register() {
    Metadata answers =
        Metadata.builder()
            .withName("stride_statistics_answers")
            .withDescription("Statistics and series answers, by how they were served.")
            .build();
    notModified = registry.counter(answers, new Tag("answer", "not_modified"));
    kept = registry.counter(answers, new Tag("answer", "kept"));
    computed = registry.counter(answers, new Tag("answer", "computed"));
  }

  // Methods, not fields: the resource reaches this bean through its CDI proxy.
  void notModified() {
    notModified.inc();
  }

  void kept() {
    kept.inc();
  }

  void computed() {
    computed.inc();
  }
}
