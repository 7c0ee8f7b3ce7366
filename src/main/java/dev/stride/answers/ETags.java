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

  /**
   * Whether an If-Match header (RFC 9110, 13.1.1) holds for the current representation's tag:
   * {@code *}, or a list of entity tags of which one is strongly equal to it (a weak tag never
   * matches). A header that does not parse matches nothing, so nothing is changed on its word.
   */
  public static boolean ifMatchHolds(String ifMatch, EntityTag current) {
    String header = ifMatch.strip();
    if (header.equals("*")) {
      return true;
    }
    int i = 0;
    while (i < header.length()) {
      boolean weak = header.startsWith("W/", i);
      int open = weak ? i + 2 : i;
      int close =
          open < header.length() && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
      if (close < 0) {
        return false;
      }
      if (!weak && header.substring(open + 1, close).equals(current.getValue())) {
        return true;
      }
      i = close + 1;
      while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++;
      }
      if (i < header.length()) {
        if (header.charAt(i) != ',') {
          return false;
        }
        i++;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
          i++;
        }
      }
    }
    return false;
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
