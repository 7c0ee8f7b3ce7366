package dev.stride.activityfiles.control;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.RecordMesgListener;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * FIT through Garmin's FIT SDK: the {@code record} messages are the samples, the one {@code
 * session} message (if any) gives the sport and the totals. A course file (as GPSBabel writes one)
 * has timed records but no session: it is read, without sport or totals. FIT has no activity name.
 *
 * <p>The file is decoded once: the SDK's decoder checks the file's CRC at its end and throws on a
 * mismatch or a premature end (a separate {@code checkFileIntegrity} pass decoded the whole file a
 * second time: a third of a FIT import's reading). The SDK signals garbage with assorted
 * RuntimeExceptions, which all mean the same to a user.
 */
final class FitReader {
  /** A FIT position is in semicircles: 2^31 of them make 180 degrees. */
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);

  Recording read(byte[] file) throws UnreadableFileException {
    List<RecordMesg> records = new ArrayList<>();
    List<SessionMesg> sessions = new ArrayList<>();
    try {
      MesgBroadcaster broadcaster = new MesgBroadcaster(new Decode());
      broadcaster.addListener((RecordMesgListener) records::add);
      broadcaster.addListener((SessionMesgListener) sessions::add);
      broadcaster.run(new ByteArrayInputStream(file));
    } catch (RuntimeException e) {
      throw Unreadable.corrupt(FileFormat.FIT, e);
    }
    if (sessions.size() > 1) {
      throw Unreadable.moreThanOneActivity(FileFormat.FIT);
    }
    TimedSamples samples = new TimedSamples(FileFormat.FIT);
    for (RecordMesg record : records) {
      samples.add(sampleOf(record));
    }
    SessionMesg session = sessions.isEmpty() ? null : sessions.get(0);
    return new Recording(
        FileFormat.FIT,
        session == null || session.getSport() == null
            ? null
            : Sports.activityOf(session.getSport().name()),
        null,
        samples.inTimeOrder(),
        session == null ? FileTotals.NONE : totalsOf(session));
  }

  private static Sample sampleOf(RecordMesg record) {
    return new Sample(
        record.getTimestamp() == null ? null : record.getTimestamp().getDate().toInstant(),
        degrees(record.getPositionLat()),
        degrees(record.getPositionLong()),
        decimal(first(record.getEnhancedAltitude(), record.getAltitude())),
        decimal(record.getDistance()),
        whole(record.getHeartRate()),
        whole(record.getCadence()),
        record.getPower(),
        decimal(first(record.getEnhancedSpeed(), record.getSpeed())));
  }

  private static FileTotals totalsOf(SessionMesg session) {
    return new FileTotals(
        decimal(session.getTotalDistance()),
        whole(session.getAvgHeartRate()),
        whole(session.getMaxHeartRate()),
        session.getTotalCalories());
  }

  private static Double degrees(Integer semicircles) {
    return semicircles == null ? null : semicircles * DEGREES_PER_SEMICIRCLE;
  }

  private static Float first(Float preferred, Float otherwise) {
    return preferred != null ? preferred : otherwise;
  }

  /**
   * The SDK's floats as the decimal they print as: 203.96f, not 203.9600067138672, which is what
   * the file meant (it stores scaled integers).
   */
  private static Double decimal(Float value) {
    return value == null ? null : Double.valueOf(value.toString());
  }

  private static Integer whole(Short value) {
    return value == null ? null : value.intValue();
  }
}
