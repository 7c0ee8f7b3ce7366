package dev.stride.activityfiles.control;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** FIT files written with the FIT SDK's own encoder, as a watch would write them. */
final class FitFiles {
  static final Instant START = Instant.parse("2024-08-01T06:00:00Z");

  private FitFiles() {}

  static byte[] encode(List<? extends Mesg> messages) {
    BufferEncoder encoder = new BufferEncoder();
    encoder.open();
    encoder.write(messages);
    return encoder.close();
  }

  static FileIdMesg activityFileId() {
    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.DEVELOPMENT);
    fileId.setProduct(1);
    fileId.setSerialNumber(12345L);
    fileId.setTimeCreated(time(0));
    return fileId;
  }

  /** A record {@code seconds} after {@link #START} at (lat, lon) in semicircles, or indoors. */
  static RecordMesg record(int seconds, Integer latitude, Integer longitude, int heartRate) {
    RecordMesg record = new RecordMesg();
    record.setTimestamp(time(seconds));
    record.setPositionLat(latitude);
    record.setPositionLong(longitude);
    record.setEnhancedAltitude(100.2f + seconds);
    record.setDistance(2.5f * seconds);
    record.setHeartRate((short) heartRate);
    record.setCadence((short) 85);
    record.setPower(200 + seconds);
    record.setEnhancedSpeed(2.5f);
    return record;
  }

  static LapMesg lap(int seconds) {
    LapMesg lap = new LapMesg();
    lap.setMessageIndex(0);
    lap.setTimestamp(time(seconds));
    lap.setStartTime(time(0));
    lap.setTotalElapsedTime((float) seconds);
    lap.setTotalDistance(2.5f * seconds);
    return lap;
  }

  static SessionMesg session(Sport sport, int seconds) {
    SessionMesg session = new SessionMesg();
    session.setMessageIndex(0);
    session.setTimestamp(time(seconds));
    session.setStartTime(time(0));
    session.setSport(sport);
    session.setTotalElapsedTime((float) seconds);
    session.setTotalDistance(1234.5f);
    session.setAvgHeartRate((short) 142);
    session.setMaxHeartRate((short) 171);
    session.setTotalCalories(321);
    return session;
  }

  static DateTime time(int secondsAfterStart) {
    return new DateTime(Date.from(START.plusSeconds(secondsAfterStart)));
  }
}
