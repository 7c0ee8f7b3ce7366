package dev.stride.sessions.control;

import dev.stride.sessions.control.Cursors.Position;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads sessions back. The SQL is native so that PostgreSQL gets what it plans well: the lookup of
 * one id goes through session_ids to the key (started_at, id), which lets TimescaleDB exclude every
 * other chunk; lists are keyset pages with row-value comparisons on (started_at, id), so a deep
 * page costs what the first one does.
 *
 * <p>Pages are read over JDBC straight into sessions: nothing on a page is ever changed, and
 * building 50 rows as managed entities (result set to record to clone, registered in the
 * persistence context) cost a fifth of a list request's CPU.
 */
@ApplicationScoped
public class SessionFinder {
  private static final String COLUMNS =
      "s.id, s.user_id, s.activity, s.started_at, s.duration_seconds, s.distance_meters,"
          + " s.calories, s.avg_heart_rate, s.max_heart_rate, s.notes, s.created_at";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/stride")
  DataSource dataSource;

  public Optional<Session> find(UUID id) {
    List<?> found =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM session_ids k JOIN sessions s"
                    + " ON s.started_at = k.started_at AND s.id = k.id WHERE k.id = ?",
                Session.class)
            .setParameter(1, id)
            .getResultList();
    return found.stream().map(Session.class::cast).findFirst();
  }

  /** The stored sessions among these ids, by id. */
  public Map<UUID, Session> findAll(List<UUID> ids) {
    Map<UUID, Session> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM session_ids k JOIN sessions s"
                    + " ON s.started_at = k.started_at AND s.id = k.id"
                    + " WHERE k.id = ANY (CAST(string_to_array(?, ',') AS uuid[]))",
                Session.class)
            .setParameter(1, ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .getResultList();
    for (Object row : rows) {
      Session session = (Session) row;
      found.put(session.id(), session);
    }
    return found;
  }

  /** One page: up to {@code limit} sessions after {@code after} (null: from the start). */
  public Page list(SessionQuery query, Position after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM sessions s");
    List<Object> parameters = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    if (query.userId() != null) {
      conditions.add("s.user_id = ?");
      parameters.add(query.userId());
    }
    if (!query.activities().isEmpty()) {
      conditions.add(
          "s.activity IN ("
              + String.join(", ", Collections.nCopies(query.activities().size(), "?"))
              + ")");
      query.activities().stream().map(Activity::wireName).sorted().forEach(parameters::add);
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
    sql.append(" LIMIT ?");
    parameters.add(limit + 1);

    List<Session> sessions = new ArrayList<>(limit + 1);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sessions.add(session(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing sessions failed", e);
    }
    boolean more = sessions.size() > limit;
    if (more) {
      sessions.remove(limit);
    }
    Session last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
    return new Page(sessions, more ? new Position(last.startedAt(), last.id()) : null);
  }

  /** The session in the current row of a result of {@link #COLUMNS}. */
  private static Session session(ResultSet row) throws SQLException {
    return new Session(
            row.getObject(1, UUID.class),
            row.getString(2),
            Activity.fromWireName(row.getString(3)).orElseThrow(),
            row.getObject(4, OffsetDateTime.class).toInstant(),
            row.getInt(5),
            nullable(row, row.getDouble(6)),
            nullable(row, row.getInt(7)),
            nullable(row, row.getInt(8)),
            nullable(row, row.getInt(9)),
            row.getString(10))
        .storedAt(row.getObject(11, OffsetDateTime.class).toInstant());
  }

  private static <T> T nullable(ResultSet row, T value) throws SQLException {
    return row.wasNull() ? null : value;
  }

  /** A page of sessions and, when more match, where the next page starts. */
  public record Page(List<Session> sessions, Position next) {}

  /** Deletes a session and frees its id; false when there was none. */
  public boolean delete(UUID id) {
    return em.createNativeQuery(
                """
                WITH released AS (DELETE FROM session_ids WHERE id = ? RETURNING id, started_at)
                DELETE FROM sessions s USING released r
                WHERE s.started_at = r.started_at AND s.id = r.id""")
            .setParameter(1, id)
            .executeUpdate()
        > 0;
  }
}
