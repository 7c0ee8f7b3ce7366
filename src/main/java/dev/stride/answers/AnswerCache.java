package dev.stride.answers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answers computed from one user's sessions (statistics, series, list pages of one user) that
 * this backend sent, as their bytes, each with the version of the user's sessions (see {@code
 * UserVersions}) it was computed from. An answer is served again only to a request that has just
 * read that version, or an older one, from the database: a kept answer is never older than what a
 * client may already have been told was written, on any backend. Bounded by the bytes kept, {@code
 * STRIDE_ANSWER_CACHE_MIB} (default 24; least recently used out first); 0 turns it off.
 */
@ApplicationScoped
public class AnswerCache {
  @Inject
  @ConfigProperty(name = "stride.answer.cache.mib", defaultValue = "24")
  long mebibytes;

  private Cache<String, Kept> answers;

  /** An answer's bytes and the version of the user's sessions they were computed from. */
  public record Kept(long version, byte[] bytes) {}

  @PostConstruct
  void create() {
    answers =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, mebibytes) << 20)
            .weigher((String query, Kept kept) -> 2 * query.length() + kept.bytes().length + 64)
            .build();
  }

  /** The kept answer to this query when it is at least as new as {@code version}. */
  public Optional<Kept> current(String query, long version) {
    Kept kept = answers.getIfPresent(query);
    return kept != null && kept.version() >= version ? Optional.of(kept) : Optional.empty();
  }

  /** Keeps an answer unless a newer one is kept already; returns it. */
  public Kept keep(String query, Kept answer) {
    answers
        .asMap()
        .merge(
            query,
            answer,
            (kept, computed) -> computed.version() >= kept.version() ? computed : kept);
    return answer;
  }
}
