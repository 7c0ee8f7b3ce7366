package dev.stride.sessions.control;

import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Records sessions so that a retry can never duplicate one: a single session through {@link
 * GroupCommit} (it shares its transaction with the POSTs that arrive with it), a batch through
 * {@link BatchCopy} (COPY, all or nothing). Either way the id is claimed and the session stored in
 * one statement, and the version of its user raised in the same one.
 */
@ApplicationScoped
public class SessionRecorder {
  @Inject GroupCommit groups;
  @Inject BatchCopy batches;
  @Inject RecordingCounts counts;

  /** What became of a session sent to be recorded. */
  public record Recorded(Session session, boolean created) {}

  /**
   * Stores the session, or finds it stored already: an identical earlier copy is the answer as it
   * is; another session under the same id fails the stage with a {@link SessionConflictException}.
   * The stage completes once the session's transaction has committed.
   */
  public CompletionStage<Recorded> record(Session session) {
    return groups
        .record(session)
        .whenComplete(
            (recorded, failure) -> {
              if (recorded != null) {
                counts.single(
                    recorded.created()
                        ? RecordingCounts.Outcome.CREATED
                        : RecordingCounts.Outcome.EXISTING);
              } else if (failure instanceof SessionConflictException
                  || failure.getCause() instanceof SessionConflictException) {
                counts.single(RecordingCounts.Outcome.CONFLICT);
              }
            });
  }

  /** What became of a batch: how many sessions were new, how many were stored already. */
  public record RecordedBatch(int created, int existing) {}

  /**
   * Stores every session of a batch (distinct ids) that is not stored yet. An id stored with other
   * content is a {@link SessionConflictException}, and nothing is stored; more batches waiting than
   * can be written within 30 s is a {@link TooManyBatchesException}.
   */
  public RecordedBatch recordAll(List<Session> sessions) {
    try {
      RecordedBatch recorded = batches.store(sessions);
      counts.batch(recorded.created(), recorded.existing());
      return recorded;
    } catch (SessionConflictException e) {
      counts.batchConflict();
      throw e;
    }
  }

  /**
   * Stores a new session on {@code connection}, in the caller's transaction (an import stores its
   * file and samples in the same one): the statement of {@link GroupCommit}, for one session.
   *
   * @return the stored session
   * @throws SessionConflictException when its id is taken
   */
  public Session storeIn(Connection connection, Session session) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(GroupCommit.INSERT)) {
      SessionRows.bindUnnest(connection, insert, List.of(session));
      try (ResultSet stored = insert.executeQuery()) {
        if (!stored.next()) {
          throw new SessionConflictException(session.id());
        }
        return session.storedAt(stored.getObject(2, OffsetDateTime.class).toInstant());
      }
    }
  }
}
