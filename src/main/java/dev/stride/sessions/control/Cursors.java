package dev.stride.sessions.control;

import dev.stride.problems.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * List cursors: where the previous page ended (its last session's start and id), signed together
 * with the query it belongs to. A client cannot forge, alter or reuse one for another query: it
 * would not verify, and that is a 400.
 */
@ApplicationScoped
public class Cursors {
  private static final int POSITION_BYTES = Long.BYTES + 2 * Long.BYTES;
  static final int MAC_BYTES = 16;

  @Inject CursorKey key;

  /** Where a page ended: the sort key of its last session. */
  public record Position(Instant startedAt, UUID id) {}

  public String issue(SessionQuery query, Position after) {
    ByteBuffer token = ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES);
    token.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, after.startedAt()));
    token
        .putLong(after.id().getMostSignificantBits())
        .putLong(after.id().getLeastSignificantBits());
    token.put(mac(token.array(), POSITION_BYTES, query.fingerprint()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  public Position read(SessionQuery query, String cursor) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (token.length != POSITION_BYTES + MAC_BYTES
        || !MessageDigest.isEqual(
            mac(token, POSITION_BYTES, query.fingerprint()),
            Arrays.copyOfRange(token, POSITION_BYTES, token.length))) {
      throw invalid();
    }
    ByteBuffer position = ByteBuffer.wrap(token);
    Instant startedAt = Instant.EPOCH.plus(position.getLong(), ChronoUnit.MICROS);
    return new Position(startedAt, new UUID(position.getLong(), position.getLong()));
  }

  /** Keyed once; every cursor works on a copy, since a Mac is not thread-safe. */
  private volatile Mac keyed;

  /**
   * The first {@value #MAC_BYTES} bytes of the HMAC of a token's first {@code length} bytes and
   * what it is bound to ({@code context}): a list query, or a feed's filter (ChangePositions).
   */
  byte[] mac(byte[] token, int length, String context) {
    try {
      Mac prototype = keyed;
      if (prototype == null) {
        prototype = Mac.getInstance("HmacSHA256");
        prototype.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        keyed = prototype;
      }
      Mac mac = (Mac) prototype.clone();
      mac.update(token, 0, length);
      mac.update(context.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException | CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException(
        "cursor", "is not a cursor that this server issued for this query");
  }
}
