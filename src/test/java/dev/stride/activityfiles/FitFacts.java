package dev.stride.activityfiles;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import java.io.ByteArrayInputStream;

/** What a FIT file states in its records, read with Garmin's SDK: expected values of a test. */
final class FitFacts {
  private FitFacts() {}

  /**
   * The distance of the last record that has one (NaN when none has), as the decimal the file
   * holds: FIT stores centimetres, which the SDK hands out as a float (6679.16 as 6679.16015625).
   */
  static double lastRecordDistance(byte[] fit) {
    double[] last = {Double.NaN};
    Decode decode = new Decode();
    MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
    broadcaster.addListener(
        (com.garmin.fit.RecordMesgListener)
            record -> {
              if (record.getDistance() != null) {
                last[0] = Double.parseDouble(record.getDistance().toString());
              }
            });
    decode.read(new ByteArrayInputStream(fit), broadcaster, broadcaster);
    return last[0];
  }
}
