package dev.stride.access.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.access.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tokens this backend has found in the database, by their secret's hash, so that a request
 * needs no read of the tokens table. Used only while {@link RevocationWatch} holds a lease, which
 * is what makes it safe: a revocation is answered only once every backend has forgotten what it
 * knew (or its lease has run out, and with it this memory's use).
 *
 * <p>A read that raced with a revocation must not be remembered after it: a caller takes the {@link
 * #generation()} before reading the table and remembers the token only under it; forgetting moves
 * the generation on first, so a token read before the revocation committed is dropped. Bounded by
 * {@code stride.token.cache.size} tokens (least recently used out first); 0 turns it off.
 */
@ApplicationScoped
public class KnownTokens {
  @Inject
  @ConfigProperty(name = "stride.token.cache.size", defaultValue = "10000")
  long size;

  /** A token found in the table: who it lets in, and until when (null: no expiry). */
  public record Known(Caller caller, Instant expiresAt) {
    boolean isValidAt(Instant now) {
      return expiresAt == null || expiresAt.isAfter(now);
    }
  }

  private Cache<ByteBuffer, Known> known;
  private final AtomicLong generation = new AtomicLong();

  /** Until when (System.nanoTime) the lease lets this memory be used; passed while it may not. */
  private volatile long trustedUntil;

  @PostConstruct
  void create() {
    known = Caffeine.newBuilder().maximumSize(Math.max(0, size)).build();
    distrust();
  }

  /** The token with this hash, if it is known, not expired, and the memory may be used. */
  public Optional<Known> find(byte[] secretHash) {
    if (System.nanoTime() - trustedUntil >= 0) {
      return Optional.empty();
    }
    ByteBuffer key = ByteBuffer.wrap(secretHash);
    Known token = known.getIfPresent(key);
    if (token == null) {
      return Optional.empty();
    }
    if (!token.isValidAt(Instant.now())) {
      known.invalidate(key);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  /** To be taken before reading a token from the table, and given to {@link #remember}. */
  public long generation() {
    return generation.get();
  }

  /** Remembers a token read from the table unless a revocation was seen since {@code before}. */
  public void remember(byte[] secretHash, Known token, long before) {
    if (generation.get() != before) {
      return;
    }
    ByteBuffer key = ByteBuffer.wrap(secretHash);
    known.put(key, token);
    // forgetAll may have run between the check and the put: then this entry must go too.
    if (generation.get() != before) {
      known.asMap().remove(key, token);
    }
  }

  /** Forgets every token: a revocation was seen. */
  void forgetAll() {
    generation.incrementAndGet();
    known.invalidateAll();
  }

  /** The lease holds until {@code nanoTime}: the memory may be used until then. */
  void trustUntil(long nanoTime) {
    trustedUntil = nanoTime;
  }

  /** No lease: every check reads the table. */
  void distrust() {
    trustedUntil = System.nanoTime();
  }
}
