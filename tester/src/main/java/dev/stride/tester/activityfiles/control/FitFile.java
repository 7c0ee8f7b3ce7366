package dev.stride.tester.activityfiles.control;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import dev.stride.tester.activityfiles.entity.Track;
import dev.stride.tester.sessions.entity.Activity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

/**
 * Writes a track as a FIT activity file with Garmin's FIT SDK, in the order of the SDK's activity
 * cookbook: file_id (type activity), a timer start event, one record a second, a timer stop, the
 * lap, the session with its sport and totals, and the activity. The SDK's encoder writes to a file,
 * since it goes back to the header for the data size and CRC when it closes.
 */
final class FitFile {

  /** FIT positions are semicircles: 2^31 of them are 180 degrees. */
  private static final double SEMICIRCLES_PER_DEGREE = (1L << 31) / 180.0;

  private FitFile() {}

  static void write(Track track, Path file) throws IOException {
    DateTime start = dateTime(track.start());
    DateTime end = dateTime(track.end());
    float seconds = track.duration().toSeconds();
    try {
      var encoder = new FileEncoder(file.toFile());
      encoder.write(fileId(track, start));
      encoder.write(timer(start, EventType.START));
      for (var point : track.points()) {
        var record = new RecordMesg();
        record.setTimestamp(dateTime(point.time()));
        record.setPositionLat(semicircles(point.latitude()));
        record.setPositionLong(semicircles(point.longitude()));
        record.setEnhancedAltitude((float) point.elevationMeters());
        record.setDistance((float) point.distanceMeters());
        record.setHeartRate((short) point.heartRate());
        record.setCadence((short) point.cadence());
        encoder.write(record);
      }
      encoder.write(timer(end, EventType.STOP_ALL));
      encoder.write(lap(track, start, end, seconds));
      encoder.write(session(track, start, end, seconds));
      encoder.write(activity(end, seconds));
      encoder.close();
    } catch (FitRuntimeException e) {
      throw new IOException("cannot write FIT " + file + ": " + e.getMessage(), e);
    }
  }

  private static FileIdMesg fileId(Track track, DateTime start) {
    var fileId = new FileIdMesg();
    fileId.setType(com.garmin.fit.File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.DEVELOPMENT);
    fileId.setProduct(0);
    // a serial number of its own per track, as two watches would have
    fileId.setSerialNumber(Math.abs((long) track.name().hashCode()) + 1);
    fileId.setTimeCreated(start);
    return fileId;
  }

  private static EventMesg timer(DateTime time, EventType type) {
    var event = new EventMesg();
    event.setTimestamp(time);
    event.setEvent(Event.TIMER);
    event.setEventType(type);
    return event;
  }

  private static LapMesg lap(Track track, DateTime start, DateTime end, float seconds) {
    var lap = new LapMesg();
    lap.setMessageIndex(0);
    lap.setTimestamp(end);
    lap.setStartTime(start);
    lap.setEvent(Event.LAP);
    lap.setEventType(EventType.STOP);
    lap.setSport(sportOf(track.activity()));
    lap.setTotalElapsedTime(seconds);
    lap.setTotalTimerTime(seconds);
    lap.setTotalDistance((float) track.distanceMeters());
    lap.setTotalCalories(track.calories());
    lap.setAvgHeartRate((short) track.averageHeartRate());
    lap.setMaxHeartRate((short) track.maxHeartRate());
    return lap;
  }

  private static SessionMesg session(Track track, DateTime start, DateTime end, float seconds) {
    var session = new SessionMesg();
    session.setMessageIndex(0);
    session.setTimestamp(end);
    session.setStartTime(start);
    session.setEvent(Event.SESSION);
    session.setEventType(EventType.STOP);
    session.setSport(sportOf(track.activity()));
    session.setSubSport(SubSport.GENERIC);
    session.setTotalElapsedTime(seconds);
    session.setTotalTimerTime(seconds);
    session.setTotalDistance((float) track.distanceMeters());
    session.setTotalCalories(track.calories());
    session.setAvgHeartRate((short) track.averageHeartRate());
    session.setMaxHeartRate((short) track.maxHeartRate());
    session.setFirstLapIndex(0);
    session.setNumLaps(1);
    return session;
  }

  private static ActivityMesg activity(DateTime end, float seconds) {
    var activity = new ActivityMesg();
    activity.setTimestamp(end);
    activity.setNumSessions(1);
    activity.setType(com.garmin.fit.Activity.MANUAL);
    activity.setEvent(Event.ACTIVITY);
    activity.setEventType(EventType.STOP);
    activity.setTotalTimerTime(seconds);
    // the watch's local time: the tester's tracks are recorded in UTC
    activity.setLocalTimestamp(end.getTimestamp());
    return activity;
  }

  private static Sport sportOf(Activity activity) {
    return switch (activity) {
      case RUNNING -> Sport.RUNNING;
      case CYCLING -> Sport.CYCLING;
      case WALKING -> Sport.WALKING;
      case HIKING -> Sport.HIKING;
      case SWIMMING -> Sport.SWIMMING;
      case ROWING -> Sport.ROWING;
      default -> Sport.GENERIC;
    };
  }

  private static DateTime dateTime(Instant instant) {
    return new DateTime(Date.from(instant));
  }

  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * SEMICIRCLES_PER_DEGREE);
  }
}
