package dev.stride.sessions.control;

import dev.stride.sessions.control.Cursors.Position;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and deletes sessions, one statement each, over JDBC: nothing read is ever changed, so no
 * persistence context is needed (building rows as managed entities cost a fifth of a list request's
 * CPU). The lookup of one id goes through session_ids to the key (started_at, id), which lets
 * TimescaleDB exclude every other chunk; lists are keyset pages with row-value comparisons on
 * (started_at, id), so a deep page costs what the first one does.
 */
@ApplicationScoped
public class SessionFinder {
  private static final String BY_ID =
      "SELECT "
          + SessionRows.COLUMNS
          + " FROM session_ids k JOIN sessions s ON s.started_at = k.started_at AND s.id = k.id"
          + SessionRows.WITH_SOURCE;

  private static final String FIND = BY_ID + " WHERE k.id = ?";

  private static final String FIND_ALL = BY_ID + " WHERE k.id = ANY (?)";

  /**
   * Frees the id, deletes the session, leaves its tombstone for the changes feed and raises its
   * user's version: one statement.
   */
  static final String DELETE = delete("");

  /** The same, only when the session is the user's (the second parameter). */
  private static final String DELETE_OWN =
      delete(
          " AND EXISTS (SELECT 1 FROM sessions o WHERE o.started_at = k.started_at"
              + " AND o.id = k.id AND o.user_id = ?)");

  private static String delete(String condition) {
    return "WITH released AS (DELETE FROM session_ids k WHERE k.id = ?"
        + condition
        + " RETURNING id, started_at),\n"
        + " deleted AS (DELETE FROM sessions s USING released r"
        + " WHERE s.started_at = r.started_at AND s.id = r.id RETURNING s.id, s.user_id),\n "
        + SessionChanges.rememberDeletions("deleted")
        + ",\n "
        + UserVersions.bump("deleted")
        + "\nSELECT count(*) FROM deleted";
  }

  @Inject DataSource dataSource;

  public Optional<Session> find(UUID id) {
    List<Session> found = query(FIND, List.of(id), 1);
    return found.stream().findFirst();
  }

  /** The stored sessions among these ids, by id. */
  public Map<UUID, Session> findAll(List<UUID> ids) {
    Map<UUID, Session> found = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Session session :
          query(FIND_ALL, List.of((Object) ids.toArray(UUID[]::new)), ids.size())) {
        found.put(session.id(), session);
      }
    }
    return found;
  }

  /** One page: up to {@code limit} sessions after {@code after} (null: from the start). */
  public Page list(SessionQuery query, Position after, int limit) {
    List<Object> parameters = new ArrayList<>();
    String sql = select(query, after, parameters) + " LIMIT ?";
    parameters.add(limit + 1);

    List<Session> sessions = query(sql, parameters, limit + 1);
    boolean more = sessions.size() > limit;
    if (more) {
      sessions.remove(limit);
    }
    Session last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
    return new Page(sessions, more ? new Position(last.startedAt(), last.id()) : null);
  }

  /** Where the sessions of an export go, one at a time. */
  public interface Sink {
    void accept(Session session) throws IOException;
  }

  /**
   * Every session the query matches, in its order, through a cursor: PostgreSQL sends {@value
   * #EXPORT_FETCH_SIZE} rows at a time, so memory does not grow with the number of rows (the driver
   * uses a cursor only inside a transaction, hence the read-only one here).
   */
  public void export(SessionQuery query, Sink sink) throws IOException {
    List<Object> parameters = new ArrayList<>();
    String sql = select(query, null, parameters);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        connection.setReadOnly(true);
        select.setFetchSize(EXPORT_FETCH_SIZE);
        Parameters.bind(connection, select, parameters);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            sink.accept(SessionRows.session(rows));
          }
        }
      } finally {
        connection.rollback(); // read only: nothing to keep
        connection.setReadOnly(false);
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("exporting sessions failed", e);
    }
  }

  private static final int EXPORT_FETCH_SIZE = 1000;

  /**
   * The SELECT of the sessions a query matches, after a position (null: from the start), in the
   * query's order; its parameters are added to {@code parameters}.
   */
  private static String select(SessionQuery query, Position after, List<Object> parameters) {
    StringBuilder sql = new StringBuilder("SELECT ").append(SessionRows.COLUMNS);
    sql.append(" FROM sessions s").append(SessionRows.WITH_SOURCE);
    List<String> conditions = new ArrayList<>();
    if (query.userId() != null) {
      conditions.add("s.user_id = ?");
      parameters.add(query.userId());
    }
    if (!query.activities().isEmpty()) {
      conditions.add("s.activity = ANY (?)");
      parameters.add(
          query.activities().stream().map(Activity::wireName).sorted().toArray(String[]::new));
    }
    if (query.from() != null) {
      conditions.add("s.started_at >= ?");
      parameters.add(query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.to() != null) {
      conditions.add("s.started_at < ?");
      parameters.add(query.to().atOffset(ZoneOffset.UTC));
    }
    String direction = query.newestFirst() ? "DESC" : "ASC";
    if (after != null) {
      conditions.add("(s.started_at, s.id) " + (query.newestFirst() ? "<" : ">") + " (?, ?)");
      parameters.add(after.startedAt().atOffset(ZoneOffset.UTC));
      parameters.add(after.id());
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(" ORDER BY s.started_at ").append(direction).append(", s.id ").append(direction);
    return sql.toString();
  }

  /** A page of sessions and, when more match, where the next page starts. */
  public record Page(List<Session> sessions, Position next) {}

  /**
   * Deletes a session, frees its id and raises its user's version; false when there was none, or
   * (with {@code onlyOf} not null) when it is not that user's.
   */
  public boolean delete(UUID id, String onlyOf) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(onlyOf == null ? DELETE : DELETE_OWN)) {
      delete.setObject(1, id);
      if (onlyOf != null) {
        delete.setString(2, onlyOf);
      }
      try (ResultSet count = delete.executeQuery()) {
        return count.next() && count.getInt(1) > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("deleting a session failed", e);
    }
  }

  /**
   * The sessions a statement selects with {@link SessionRows#COLUMNS}. Parameters are bound with
   * {@code setObject}, arrays as PostgreSQL arrays of their element type (text or uuid).
   */
  private List<Session> query(String sql, List<Object> parameters, int expected) {
    List<Session> sessions = new ArrayList<>(expected);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      Parameters.bind(connection, select, parameters);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sessions.add(SessionRows.session(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading sessions failed", e);
    }
    return sessions;
  }
}
