package dev.stride.tester.sessions.entity;

/**
 * One entry of the changes feed: an {@code upsert} carries the session as it is when the feed is
 * read, a {@code delete} the id and user of a session that is gone.
 */
public record Change(String op, StoredSession session, String id, String userId, String deletedAt) {

  public static final String UPSERT = "upsert";
  public static final String DELETE = "delete";

  public boolean upsert() {
    return UPSERT.equals(op);
  }

  public boolean delete() {
    return DELETE.equals(op);
  }

  /** The id of the session this change is about, whichever its kind. */
  public String sessionId() {
    return upsert() && session != null ? session.id() : id;
  }

  /** The user of the session this change is about, whichever its kind. */
  public String sessionUserId() {
    return upsert() && session != null ? session.userId() : userId;
  }
}
