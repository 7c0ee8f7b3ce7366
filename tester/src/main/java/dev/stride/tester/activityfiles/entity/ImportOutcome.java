package dev.stride.tester.activityfiles.entity;

import java.util.Locale;

/** What became of one file sent to the import endpoint. */
public enum ImportOutcome {
  /** 201: a new session. */
  CREATED,
  /** 200: the same file was imported for that user before; nothing new was stored. */
  EXISTING,
  /** 4xx: Stride refused the file (unreadable, too large, a session that breaks a rule). */
  REJECTED,
  /** 5xx after retries, an unreadable answer, a file that could not be read, or not sent. */
  FAILED;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
