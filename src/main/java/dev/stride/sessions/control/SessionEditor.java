package dev.stride.sessions.control;

import dev.stride.database.Transactions;
import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Changes and conditional deletes of one session, each in one transaction that first locks the
 * session: what the change is checked against (its rules, If-Match) is exactly what it replaces,
 * whatever other requests do meanwhile. A change replaces the row (the key is (started_at, id), and
 * startedAt may change; on a TimescaleDB hypertable the row may move to another chunk), keeps
 * createdAt, sets updatedAt, moves the session to this transaction's place in the changes feed and
 * raises its user's version, so statistics, lists and ETags on every backend reflect it once the
 * answer is sent.
 */
@ApplicationScoped
public class SessionEditor {
  private static final String LOCK =
      "SELECT "
          + SessionRows.COLUMNS
          + " FROM session_ids k JOIN sessions s ON s.started_at = k.started_at AND s.id = k.id"
          + SessionRows.WITH_SOURCE
          + " WHERE k.id = ? FOR UPDATE OF k, s";

  /**
   * Replaces the row: the old one's createdAt goes to the new one, which takes this transaction's
   * place in the feed (the column defaults); session_ids follows a new startedAt.
   */
  private static final String REPLACE =
      "WITH old AS (DELETE FROM sessions s WHERE s.started_at = ? AND s.id = ?"
          + " RETURNING s.created_at),\n input AS ("
          + SessionRows.UNNEST_INPUT
          + "),\n moved AS (UPDATE session_ids k SET started_at = i.started_at FROM input i"
          + " WHERE k.id = i.id AND k.started_at <> i.started_at),\n"
          + " changed AS (INSERT INTO sessions ("
          + SessionRows.INPUT_COLUMNS
          + ", created_at, updated_at) SELECT i.*, o.created_at, now() FROM input i, old o"
          + " RETURNING user_id, created_at, updated_at),\n "
          + UserVersions.bump("changed")
          + "\nSELECT created_at, updated_at FROM changed";

  @Inject DataSource dataSource;

  /** A session after a change; {@code changed} false when the change left it as it was. */
  public record Edited(Session session, boolean changed) {}

  /**
   * Applies {@code edit} to the stored session (it returns the changed session, or throws when the
   * result breaks a rule), when {@code precondition} holds for the stored one.
   *
   * @param onlyOf the user whose session it must be (another's is not found), or null for any
   * @throws SessionNotFoundException when there is none (or it is another user's)
   * @throws SessionChangedException when the precondition does not hold; nothing changed
   */
  public Edited change(
      UUID id, String onlyOf, UnaryOperator<Session> edit, Predicate<Session> precondition) {
    return inTransaction(
        connection -> {
          Session stored = lock(connection, id, onlyOf);
          Session changed = edit.apply(stored);
          if (!precondition.test(stored)) {
            throw new SessionChangedException();
          }
          if (changed.hasSameContentAs(stored)) {
            return new Edited(stored, false); // nothing to write: updatedAt and ETag stay
          }
          try (PreparedStatement replace = connection.prepareStatement(REPLACE)) {
            replace.setObject(1, stored.startedAt().atOffset(java.time.ZoneOffset.UTC));
            replace.setObject(2, id);
            SessionRows.bindUnnest(connection, replace, 3, List.of(changed));
            try (ResultSet row = replace.executeQuery()) {
              row.next();
              return new Edited(
                  changed
                      .stored(
                          row.getObject(1, OffsetDateTime.class).toInstant(),
                          row.getObject(2, OffsetDateTime.class).toInstant())
                      .withSource(stored.source()), // a change of its fields keeps its file
                  true);
            }
          }
        });
  }

  /**
   * Deletes the session when {@code precondition} holds for it (If-Match).
   *
   * @throws SessionNotFoundException when there is none (or it is another user's)
   * @throws SessionChangedException when the precondition does not hold; nothing changed
   */
  public void delete(UUID id, String onlyOf, Predicate<Session> precondition) {
    inTransaction(
        connection -> {
          if (!precondition.test(lock(connection, id, onlyOf))) {
            throw new SessionChangedException();
          }
          try (PreparedStatement delete = connection.prepareStatement(SessionFinder.DELETE)) {
            delete.setObject(1, id);
            delete.executeQuery().close();
          }
          return null;
        });
  }

  private static Session lock(Connection connection, UUID id, String onlyOf) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setObject(1, id);
      try (ResultSet row = lock.executeQuery()) {
        Session stored = row.next() ? SessionRows.session(row) : null;
        if (stored == null || (onlyOf != null && !onlyOf.equals(stored.userId()))) {
          throw new SessionNotFoundException(id.toString());
        }
        return stored;
      }
    }
  }

  private <T> T inTransaction(Transactions.Work<T> work) {
    return Transactions.inTransaction(dataSource, "changing a session", work);
  }
}
