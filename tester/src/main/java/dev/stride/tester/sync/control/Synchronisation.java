package dev.stride.tester.sync.control;

import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.sessions.control.PositionGoneException;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsQuery;
import dev.stride.tester.sessions.entity.Change;
import dev.stride.tester.sync.entity.FeedPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Brings the copy in a file up to date with Stride. Without a stored position it takes the position
 * "now", lists everything (the CSV export), then follows the feed from that position, so that what
 * changed while the list was read is applied too. With one, it reads the copy and follows the feed
 * until {@code hasMore} is false. The copy is written before its position: a run that stops between
 * the two leaves an older position, from which the next run applies some changes again, which
 * changes nothing.
 */
public final class Synchronisation {

  /** What a run did: whether it listed everything, the changes applied, the sessions held. */
  public record Result(boolean listed, long upserts, long deletes, int sessions) {}

  private final SessionsClient sessions;
  private final int pageSize;
  private final Consumer<String> notices;

  /** Follows the feed {@code pageSize} changes a page; tells {@code notices} why it starts over. */
  public Synchronisation(SessionsClient sessions, int pageSize, Consumer<String> notices) {
    this.sessions = sessions;
    this.pageSize = pageSize;
    this.notices = notices;
  }

  /**
   * Brings the copy in {@code file} of the sessions of {@code userId} ({@code null}: those the
   * token lists without one) up to date.
   *
   * @throws OtherCopyException when the stored position is of another {@code userId}
   * @throws RequestRejectedException when Stride refused the stored position (400) or the request
   */
  public Result sync(Path file, String userId) {
    var positions = new PositionFile(file);
    var stored = positions.read();
    if (stored.isPresent() && !Objects.equals(stored.get().userId(), userId)) {
      throw new OtherCopyException(
          file
              + " is the copy of "
              + who(stored.get().userId())
              + " (see "
              + positions.file()
              + "), not of "
              + who(userId));
    }
    if (stored.isEmpty()) {
      return listAll(file, positions, userId);
    }
    if (!Files.exists(file)) {
      notices.accept(
          "sync: "
              + file
              + " is missing though "
              + positions.file()
              + " is there: listing everything again");
      return listAll(file, positions, userId);
    }
    var copy = SessionsCopy.readFrom(file);
    Followed followed;
    try {
      followed = follow(copy, stored.get().next(), userId);
    } catch (PositionGoneException e) {
      notices.accept("sync: " + e.getMessage() + ": listing everything again");
      return listAll(file, positions, userId);
    } catch (RequestRejectedException e) {
      if (e.status() != 400) {
        throw e;
      }
      throw new RequestRejectedException(
          "Stride refused the position in "
              + positions.file()
              + " ("
              + e.getMessage()
              + "): it is not one this Stride issued for "
              + who(userId)
              + "; delete "
              + positions.file()
              + " to list everything again",
          e.status());
    }
    if (followed.changed()) {
      copy.writeTo(file);
    }
    if (!followed.next().equals(stored.get().next())) {
      positions.write(position(userId, followed.next()));
    }
    return new Result(false, followed.upserts(), followed.deletes(), copy.size());
  }

  private Result listAll(Path file, PositionFile positions, String userId) {
    String now = sessions.changes(null, userId, pageSize).next();
    SessionsCopy copy =
        sessions.export(
            new SessionsQuery(userId, null, null, null),
            csv -> SessionsCopy.read(csv, "GET /sessions (text/csv)"));
    Followed followed;
    try {
      followed = follow(copy, now, userId);
    } catch (PositionGoneException e) {
      throw new ServiceFailedException(
          "GET /sessions/changes answered 410 to the position it gave a moment ago", e);
    }
    copy.writeTo(file);
    positions.write(position(userId, followed.next()));
    return new Result(true, followed.upserts(), followed.deletes(), copy.size());
  }

  private record Followed(String next, long upserts, long deletes) {
    boolean changed() {
      return upserts + deletes > 0;
    }
  }

  /** Applies the changes after {@code since} until there are no more; where that left the feed. */
  private Followed follow(SessionsCopy copy, String since, String userId) {
    long upserts = 0;
    long deletes = 0;
    String position = since;
    boolean more;
    do {
      var page = sessions.changes(position, userId, pageSize);
      for (Change change : page.changes()) {
        if (userId != null && !userId.equals(change.sessionUserId())) {
          throw new ServiceFailedException(
              "GET /sessions/changes?userId="
                  + userId
                  + " answered a change of "
                  + change.sessionUserId()
                  + "'s session "
                  + change.sessionId());
        }
        copy.apply(change);
        if (change.delete()) {
          deletes++;
        } else {
          upserts++;
        }
      }
      more = page.hasMore();
      if (more && page.changes().isEmpty() && page.next().equals(position)) {
        throw new ServiceFailedException(
            "GET /sessions/changes answered hasMore without changes and the same position");
      }
      position = page.next();
    } while (more);
    return new Followed(position, upserts, deletes);
  }

  private static FeedPosition position(String userId, String next) {
    return new FeedPosition(userId, next, Instant.now().toString());
  }

  private static String who(String userId) {
    return userId == null ? "the token's sessions (no --user)" : "user " + userId;
  }

  /** The stored position belongs to a copy of someone else's sessions. */
  public static final class OtherCopyException extends RuntimeException {
    OtherCopyException(String message) {
      super(message);
    }
  }
}
