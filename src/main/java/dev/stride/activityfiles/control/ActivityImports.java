package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.database.Transactions;
import dev.stride.problems.InvalidInputException;
import dev.stride.records.entity.RecordDistances;
import dev.stride.sessions.control.RecordingCounts;
import dev.stride.sessions.control.SessionFinder;
import dev.stride.sessions.control.SessionRecorder;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Imports activity files: reads one, makes its session by the contract's rules, and stores the
 * session, its samples, its fastest stretches and the file's bytes in one transaction, so that a
 * session is never seen without its samples or file. A user's file is imported once: the same bytes
 * again (by SHA-256) are answered with the session stored the first time, also when two copies
 * arrive at once (the second waits on the unique key of {@code session_files}).
 */
@ApplicationScoped
public class ActivityImports {
  /**
   * Claims the file for the user. Runs first in the transaction: a concurrent import of the same
   * bytes waits here until the first commits, then claims nothing.
   */
  private static final String CLAIM =
      "INSERT INTO session_files (session_id, user_id, format, sha256, samples, content)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, sha256) DO NOTHING";

  private static final String IMPORTED =
      "SELECT session_id FROM session_files WHERE user_id = ? AND sha256 = ?";

  private static final String FASTEST =
      "INSERT INTO session_fastest (session_id, distance_meters, seconds)"
          + " SELECT ?, d, s FROM unnest(?::double precision[], ?::double precision[]) AS f(d, s)";

  private static final String FILE =
      "SELECT user_id, format, content FROM session_files WHERE session_id = ?";

  @Inject DataSource dataSource;
  @Inject ActivityFileReader reader;
  @Inject SampleStore samples;
  @Inject SessionRecorder recorder;
  @Inject SessionFinder finder;
  @Inject RecordingCounts counts;

  /** What became of an imported file: a new session, or the one stored from it before. */
  public record Imported(Session session, boolean created) {}

  /**
   * Imports a file for a user.
   *
   * @param format the file's format, or {@code null} to tell it from the bytes (a gzipped body)
   * @param activity the activity the request names, or {@code null} for the file's
   * @param notes the notes the request gives, or {@code null} for the file's name
   * @throws UnreadableFileException when the file cannot be read (400)
   * @throws InvalidInputException when the session it makes breaks a rule (400)
   */
  public Imported importFile(
      String userId, FileFormat format, byte[] file, Activity activity, String notes)
      throws UnreadableFileException {
    byte[] sha256 = sha256(file);
    Optional<Imported> earlier = earlier(userId, sha256);
    if (earlier.isPresent()) {
      return earlier.get(); // no need to read it again
    }
    FileFormat read = format != null ? format : ActivityFileReader.detect(file);
    Recording recording = reader.read(read, file);
    List<Sample> measured = TrackDistances.withDistances(recording.samples());
    SampleLimits.check(measured);
    Session session =
        ImportedSessions.session(UUID.randomUUID(), userId, recording, measured, activity, notes);
    InvalidInputException.throwIfAny(ImportedSessions.problems(session, Instant.now()));
    Source source = new Source(read.wireName(), HexFormat.of().formatHex(sha256), measured.size());
    return store(
        session.withSource(source),
        file,
        sha256,
        measured,
        FastestStretches.of(measured, RecordDistances.ALL));
  }

  private Imported store(
      Session session,
      byte[] file,
      byte[] sha256,
      List<Sample> measured,
      Map<Double, Double> fastest) {
    // Claimed by a concurrent import of the same bytes: nothing was written, and the session it
    // stored is read once this transaction's connection is back in the pool.
    Session stored =
        Transactions.inTransaction(
            dataSource,
            "storing an imported file",
            connection -> {
              if (!claim(connection, session, file, sha256)) {
                return null;
              }
              Session created = recorder.storeIn(connection, session);
              samples.write(connection, session.id(), measured);
              writeFastest(connection, session.id(), fastest);
              return created.withSource(session.source());
            });
    if (stored == null) {
      return earlier(session.userId(), sha256)
          .orElseThrow(() -> new IllegalStateException("a claimed file without a session"));
    }
    counts.imported(true);
    return new Imported(stored, true);
  }

  private static boolean claim(Connection connection, Session session, byte[] file, byte[] sha256)
      throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setObject(1, session.id());
      claim.setString(2, session.userId());
      claim.setString(3, session.source().format());
      claim.setBytes(4, sha256);
      claim.setInt(5, session.source().samples());
      claim.setBytes(6, file);
      return claim.executeUpdate() == 1;
    }
  }

  private static void writeFastest(Connection connection, UUID id, Map<Double, Double> fastest)
      throws SQLException {
    if (fastest.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(FASTEST)) {
      insert.setObject(1, id);
      insert.setArray(
          2, connection.createArrayOf("float8", fastest.keySet().toArray(Double[]::new)));
      insert.setArray(
          3, connection.createArrayOf("float8", fastest.values().toArray(Double[]::new)));
      insert.executeUpdate();
    }
  }

  /** The session imported from these bytes before, if the user has one. */
  private Optional<Imported> earlier(String userId, byte[] sha256) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(IMPORTED)) {
      select.setString(1, userId);
      select.setBytes(2, sha256);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        UUID id = row.getObject(1, UUID.class);
        counts.imported(false);
        return finder.find(id).map(found -> new Imported(found, false));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("looking for an earlier import failed", e);
    }
  }

  /** An imported session's original file: its user, format and bytes. */
  public record OriginalFile(String userId, FileFormat format, byte[] content) {}

  /** The file a session was imported from; empty for a session sent as JSON (or none). */
  public Optional<OriginalFile> file(UUID session) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FILE)) {
      select.setObject(1, session);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(
                new OriginalFile(
                    row.getString(1),
                    FileFormat.fromWireName(row.getString(2)).orElseThrow(),
                    row.getBytes(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading an imported file failed", e);
    }
  }

  private static byte[] sha256(byte[] file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(file);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
