package dev.stride.sessions.control;

import dev.stride.sessions.control.SessionRecorder.Recorded;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single POSTs share transactions. Sessions to record wait in a queue; each writer thread takes
 * whatever has arrived (at most {@code STRIDE_GROUP_MAX}, default 500) and stores it with one
 * statement in one transaction, so PostgreSQL pays one commit for the group instead of one per
 * session. A writer that is idle takes a session the moment it arrives: an idle service adds no
 * delay, and under load a group is what arrived while the previous one was being written.
 *
 * <p>Every session keeps its own outcome. Its answer is completed only after the commit that stored
 * it; an id that was stored already (by an earlier request, or twice in one group) is looked up
 * after that commit and answered as a retry or a conflict, without holding back the others. If the
 * statement fails because of one session's data, each session of the group is written alone; if it
 * fails because the database is away, every session of the group fails as it would have alone.
 */
@ApplicationScoped
public class GroupCommit {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /**
   * Claims the ids of the group in session_ids and stores the sessions whose claim is new, raising
   * the version of their users: one statement. Ids are claimed in id order and users bumped in user
   * order, so concurrent groups (and batches, and deletes) wait for each other instead of
   * deadlocking. A concurrent claim of the same new id waits on the key of session_ids, then claims
   * nothing, so exactly one session is stored. An id stored again after a DELETE loses its
   * tombstone: the feed then shows it only as the session it is now.
   */
  static final String INSERT =
      "WITH input AS ("
          + SessionRows.UNNEST_INPUT
          + "),\n claimed AS (INSERT INTO session_ids (id, started_at)"
          + " SELECT id, started_at FROM input ORDER BY id"
          + " ON CONFLICT (id) DO NOTHING RETURNING id),\n stored AS (INSERT INTO sessions ("
          + SessionRows.INPUT_COLUMNS
          + ") SELECT i.* FROM input i JOIN claimed c ON c.id = i.id"
          + " RETURNING id, user_id, created_at),\n "
          + SessionChanges.forgetDeletions("stored")
          + ",\n "
          + UserVersions.bump("stored")
          + "\nSELECT id, created_at FROM stored";

  @Inject DataSource dataSource;

  @Resource ManagedThreadFactory threadFactory;

  @Inject SessionFinder finder;

  /** Groups written at once, each on its own connection. */
  @Inject
  @ConfigProperty(name = "stride.group.writers", defaultValue = "2")
  int writers;

  @Inject
  @ConfigProperty(name = "stride.group.max", defaultValue = "500")
  int maxGroup;

  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean open = true;

  /** A session waiting to be written, and the answer its request waits for. */
  private record Pending(Session session, CompletableFuture<Recorded> answer) {}

  @PostConstruct
  void start() {
    for (int i = 0; i < Math.max(1, writers); i++) {
      Thread writer = threadFactory.newThread(this::writeGroups);
      writer.setName("stride-group-commit-" + i);
      writer.setDaemon(true);
      threads.add(writer);
      writer.start();
    }
  }

  @PreDestroy
  void stop() {
    open = false;
    threads.forEach(Thread::interrupt);
    List<Pending> left = new ArrayList<>();
    waiting.drainTo(left);
    left.forEach(p -> p.answer.completeExceptionally(new IllegalStateException("shutting down")));
  }

  /** Queues the session for the next group; the answer completes after its group committed. */
  CompletableFuture<Recorded> record(Session session) {
    Pending pending = new Pending(session, new CompletableFuture<>());
    if (!open) {
      pending.answer.completeExceptionally(new IllegalStateException("shutting down"));
    } else {
      waiting.add(pending);
    }
    return pending.answer;
  }

  private void writeGroups() {
    List<Pending> group = new ArrayList<>();
    while (open) {
      try {
        group.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      waiting.drainTo(group, maxGroup - 1);
      try {
        write(group);
      } catch (RuntimeException e) {
        // Nothing may stop a writer: its group fails, the next one is written.
        group.forEach(p -> p.answer.completeExceptionally(e));
      }
      group.clear();
    }
  }

  private void write(List<Pending> group) {
    Map<UUID, Pending> firsts = new LinkedHashMap<>();
    List<Pending> repeats = new ArrayList<>();
    for (Pending pending : group) {
      if (firsts.putIfAbsent(pending.session.id(), pending) != null) {
        repeats.add(pending); // the same id twice in one group: settled after the first's commit
      }
    }
    Map<UUID, Instant> created;
    try {
      created = insert(firsts.values().stream().map(Pending::session).toList());
    } catch (SQLException e) {
      if (group.size() > 1 && isAboutOneSession(e)) {
        LOG.log(Level.WARNING, "a group of {0} failed; writing each alone", group.size());
        group.forEach(pending -> write(List.of(pending)));
        return;
      }
      IllegalStateException failure =
          new IllegalStateException("recording " + group.size() + " sessions failed", e);
      group.forEach(p -> p.answer.completeExceptionally(failure));
      return;
    }
    List<Pending> storedBefore = new ArrayList<>();
    for (Pending pending : firsts.values()) {
      Instant at = created.get(pending.session.id());
      if (at == null) {
        storedBefore.add(pending);
      } else {
        pending.answer.complete(new Recorded(pending.session.storedAt(at), true));
      }
    }
    storedBefore.addAll(repeats);
    if (!storedBefore.isEmpty()) {
      settle(storedBefore);
    }
  }

  /** The stored sessions' ids and creation times. */
  private Map<UUID, Instant> insert(List<Session> sessions) throws SQLException {
    Map<UUID, Instant> created = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      SessionRows.bindUnnest(connection, insert, sessions);
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          created.put(
              rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
    }
    return created;
  }

  /** Sessions whose id was stored already: an identical retry (200) or a conflict (409). */
  private void settle(List<Pending> pendings) {
    Map<UUID, Session> stored;
    try {
      stored = finder.findAll(pendings.stream().map(p -> p.session.id()).distinct().toList());
    } catch (RuntimeException e) {
      pendings.forEach(p -> p.answer.completeExceptionally(e));
      return;
    }
    for (Pending pending : pendings) {
      Session earlier = stored.get(pending.session.id());
      // Absent: deleted between the claim and this read, as if stored and deleted: a conflict.
      if (earlier != null && earlier.hasSameContentAs(pending.session)) {
        pending.answer.complete(new Recorded(earlier, false));
      } else {
        pending.answer.completeExceptionally(new SessionConflictException(pending.session.id()));
      }
    }
  }

  /**
   * Whether a failure may come from one session's values (SQLSTATE classes 22 data exception, 23
   * integrity violation) or from bad luck with the others (40, transaction rollback), rather than
   * from the database being away.
   */
  private static boolean isAboutOneSession(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("22") || state.startsWith("23") || state.startsWith("40");
  }
}
