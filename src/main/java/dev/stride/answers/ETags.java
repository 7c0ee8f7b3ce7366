package dev.stride.answers;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong ETags and the caching headers that go with them ("Conditional requests and caching" of the
 * contract): {@code Cache-Control: private, no-cache}, so that a client keeps an answer but asks
 * every time whether it is still current.
 */
public final class ETags {
  private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

  private ETags() {}

  /** The tag of exactly these bytes: 128 bits of their SHA-256. */
  public static EntityTag ofBytes(byte[] representation) {
    return new EntityTag(digest(representation));
  }

  /**
   * The tag of whatever a text names exactly, e.g. a user's version and a query: equal texts, and
   * only those, give equal tags, on every backend.
   */
  public static EntityTag ofText(String identity) {
    return new EntityTag(digest(identity.getBytes(StandardCharsets.UTF_8)));
  }

  /** The answer with its ETag and the caching headers. */
  public static Response revalidated(Response.ResponseBuilder answer, EntityTag tag) {
    return answer.tag(tag).cacheControl(REVALIDATE).build();
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
