package dev.stride.statistics.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.statistics.control.Versioned;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The statistics answers this backend computed, as the bytes it sent, each with the version of the
 * user's sessions it was computed from. An answer is served again only to a request that has just
 * read that version (or an older one) from the database: a kept answer can never be older than what
 * a client may already have been told was written. Bounded by {@code
 * STRIDE_STATISTICS_CACHE_ENTRIES} (default 10,000, least recently used out first); 0 turns it off.
 */
@ApplicationScoped
public class AnswerCache {
  @Inject
  @ConfigProperty(name = "stride.statistics.cache.entries", defaultValue = "10000")
  long entries;

  private Cache<String, Versioned<byte[]>> answers;

  @PostConstruct
  void create() {
    answers = Caffeine.newBuilder().maximumSize(Math.max(0, entries)).build();
  }

  /** The kept answer to this query when it is at least as new as {@code version}. */
  Optional<Versioned<byte[]>> current(String query, long version) {
    Versioned<byte[]> kept = answers.getIfPresent(query);
    return kept != null && kept.version() >= version ? Optional.of(kept) : Optional.empty();
  }

  /** Keeps an answer unless a newer one is kept already; returns it. */
  Versioned<byte[]> keep(String query, Versioned<byte[]> answer) {
    answers
        .asMap()
        .merge(
            query,
            answer,
            (kept, computed) -> computed.version() >= kept.version() ? computed : kept);
    return answer;
  }
}
