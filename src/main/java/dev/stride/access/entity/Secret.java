package dev.stride.access.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A token's secret: {@code stride_} and 43 URL-safe base64 characters, 256 random bits. Only its
 * SHA-256 is stored: for a secret of that entropy a fast hash is enough (no password hashing: there
 * is nothing to guess), and it lets a request find its token with one indexed read.
 */
public final class Secret {
  public static final String PREFIX = "stride_";
  private static final int RANDOM_BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("stride_[A-Za-z0-9_-]{43,200}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secret() {}

  /** A new secret. */
  public static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(random);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Whether {@code text} has a secret's shape; one that has not cannot be a token. */
  public static boolean hasShape(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /** The SHA-256 of the secret's UTF-8 bytes: what the database keeps. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
