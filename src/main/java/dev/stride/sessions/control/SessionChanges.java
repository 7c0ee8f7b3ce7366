package dev.stride.sessions.control;

import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The changes feed: every session's latest change, in the order of the transactions that made them,
 * and the tombstones of deleted sessions.
 *
 * <p>A change stands at (change_xid, id): the id of the transaction that made it and the session's
 * id (V7__session_changes.sql). The one rule that makes the feed complete: a page is read only
 * <em>below</em> the oldest transaction still running when it is read ({@code
 * pg_snapshot_xmin(pg_current_snapshot())}, taken in the same statement, hence the same snapshot,
 * as the page). Every transaction below that bound has ended, so nothing can be added below it
 * later; every transaction that will still commit a change has an id at or above it. So a reader
 * that moves its position up to the bound never skips a change, and never sees one twice, however
 * the writers' commits interleave. The price: a change becomes readable once every transaction
 * older than it has ended (a long transaction anywhere in the cluster holds the feed back while it
 * runs, and nothing is lost). A session changed again moves to its new place, so it appears once,
 * at its last change; a deletion leaves a tombstone (session_deletions) at its place.
 *
 * <p>Tombstones older than the retention are removed by {@link SessionChangesRetention}, which
 * raises the horizon: a position at or below it may have missed a deletion ({@link
 * PositionGoneException}).
 */
@ApplicationScoped
public class SessionChanges {
  /**
   * A place in the feed: after the change (xid, id), or, without an id, before every change of
   * transaction {@code xid} and after.
   */
  public record Position(long xid, UUID after) {}

  /** One change: the session as it is now, or its tombstone. */
  public sealed interface Change permits Upsert, Deletion {}

  public record Upsert(Session session) implements Change {}

  public record Deletion(UUID id, String userId, Instant deletedAt) implements Change {}

  /** A page of changes, where the next one starts, and whether more were there already. */
  public record Page(List<Change> changes, Position next, boolean hasMore) {}

  /** The columns of a session, as nulls of their types: the session part of a tombstone's row. */
  private static final String NO_SESSION =
      "NULL::uuid, NULL::text, NULL::text, NULL::timestamptz, NULL::integer,"
          + " NULL::double precision, NULL::integer, NULL::smallint, NULL::smallint, NULL::text,"
          + " NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text, NULL::integer";

  private static final String NOW = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";

  @Inject DataSource dataSource;

  /**
   * A CTE named {@code revived} that removes the tombstones of the sessions in {@code relation} (a
   * CTE with an {@code id} column) as they are stored again.
   */
  static String forgetDeletions(String relation) {
    return "revived AS (DELETE FROM session_deletions d USING "
        + relation
        + " r WHERE d.id = r.id)";
  }

  /**
   * A CTE named {@code mourned} that leaves a tombstone for each session in {@code relation} (a CTE
   * with {@code id} and {@code user_id} columns), at the place of this transaction.
   */
  static String rememberDeletions(String relation) {
    return "mourned AS (INSERT INTO session_deletions (id, user_id) SELECT id, user_id FROM "
        + relation
        + " ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, deleted_at = now(),"
        + " change_xid = pg_current_xact_id())";
  }

  /** The position "now": every change from here on is still to come. */
  public Position now() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(NOW);
        ResultSet row = select.executeQuery()) {
      row.next();
      return new Position(Long.parseLong(row.getString(1)), null);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the position of the changes feed failed", e);
    }
  }

  /**
   * Up to {@code limit} changes after {@code since}, of one user or (userId null) of everyone.
   *
   * @throws PositionGoneException when a deletion after {@code since} may have been removed
   */
  public Page since(Position since, String userId, int limit) {
    String sql = page(userId != null, since.after() != null);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int p = 1;
      for (int branch = 0; branch < 2; branch++) {
        if (userId != null) {
          select.setString(p++, userId);
        }
        select.setString(p++, Long.toString(since.xid()));
        if (since.after() != null) {
          select.setObject(p++, since.after());
        }
        select.setInt(p++, limit + 1);
      }
      select.setInt(p, limit + 1);
      return read(select, since, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the changes feed failed", e);
    }
  }

  private static Page read(PreparedStatement select, Position since, int limit)
      throws SQLException {
    List<Change> changes = new ArrayList<>();
    Position last = null;
    long below = since.xid();
    boolean more = false;
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        below = Long.parseLong(rows.getString(1));
        if (since.xid() <= Long.parseLong(rows.getString(2))) {
          throw new PositionGoneException();
        }
        String xid = rows.getString(3);
        if (xid == null) {
          break; // the one row of an empty page: only the bounds
        }
        if (changes.size() == limit) {
          more = true;
          break;
        }
        UUID id = rows.getObject(4, UUID.class);
        OffsetDateTime deletedAt = rows.getObject(5, OffsetDateTime.class);
        changes.add(
            deletedAt != null
                ? new Deletion(id, rows.getString(7), deletedAt.toInstant())
                : new Upsert(SessionRows.session(rows, 6)));
        last = new Position(Long.parseLong(xid), id);
      }
    }
    // A full page goes on after its last change; otherwise everything below the bound was read,
    // and the next page starts at the bound (never before where this one started).
    Position next = more ? last : new Position(Math.max(below, since.xid()), null);
    return new Page(changes, next, more);
  }

  /**
   * The statement of one page: the bound and the horizon, then the sessions and the tombstones
   * after the position and below the bound, each in position order from its own index, merged.
   */
  private static String page(boolean ofUser, boolean afterAChange) {
    return "WITH bound AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS below,"
        + " (SELECT change_xid FROM session_changes_horizon) AS horizon)\n"
        + "SELECT b.below::text, b.horizon::text, c.* FROM bound b LEFT JOIN LATERAL (\n"
        + " SELECT * FROM ((SELECT s.change_xid, s.id AS change_id,"
        + " NULL::timestamptz AS deleted_at, "
        + SessionRows.COLUMNS
        + " FROM sessions s"
        + SessionRows.WITH_SOURCE
        + " WHERE "
        + after("s", ofUser, afterAChange)
        + " ORDER BY s.change_xid, s.id LIMIT ?)\n UNION ALL (SELECT d.change_xid, d.id, d.deleted_at, "
        + NO_SESSION.replaceFirst("NULL::text", "d.user_id")
        + " FROM session_deletions d WHERE "
        + after("d", ofUser, afterAChange)
        + " ORDER BY d.change_xid, d.id LIMIT ?)) u ORDER BY u.change_xid, u.change_id LIMIT ?\n"
        + ") c ON TRUE ORDER BY c.change_xid, c.change_id";
  }

  private static String after(String table, boolean ofUser, boolean afterAChange) {
    String t = table + ".";
    return (ofUser ? t + "user_id = ? AND " : "")
        + (afterAChange
            ? "(" + t + "change_xid, " + t + "id) > (?::xid8, ?)"
            : t + "change_xid >= ?::xid8")
        + " AND "
        + t
        + "change_xid < b.below";
  }
}
