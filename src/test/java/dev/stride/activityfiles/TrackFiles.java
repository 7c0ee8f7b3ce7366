package dev.stride.activityfiles;

import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Activity files for the tests: GPX written here as text (so that every value is known), the same
 * track converted by GPSBabel (another program's TCX and FIT), and FIT files written with Garmin's
 * SDK for the cases GPSBabel does not make (indoor, two sports).
 */
final class TrackFiles {
  /** The contract's mean Earth radius. */
  static final double EARTH_RADIUS = 6_371_008.8;

  record Point(Instant time, Double lat, Double lon, double ele, Integer hr) {}

  private TrackFiles() {}

  /** {@code n} points every {@code seconds} s, northwards along a meridian by {@code degrees}. */
  static List<Point> meridian(
      Instant start, int n, int seconds, double degrees, IntFunction<Integer> heartRate) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(
          new Point(
              start.plusSeconds((long) i * seconds),
              45.0 + i * degrees,
              9.0,
              100.0 + i,
              heartRate.apply(i)));
    }
    return points;
  }

  /** The length of a track along a meridian: the contract's great-circle rule. */
  static double meridianMeters(int n, double degrees) {
    return (n - 1) * EARTH_RADIUS * Math.toRadians(degrees);
  }

  static byte[] gpx(String type, String name, List<Point> points) {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gpx version=\"1.1\" creator=\"Stride tests\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\""
                + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
                + " <trk><name>"
                + name
                + "</name><type>"
                + type
                + "</type><trkseg>\n");
    for (Point p : points) {
      gpx.append("  <trkpt lat=\"")
          .append(p.lat())
          .append("\" lon=\"")
          .append(p.lon())
          .append("\"><ele>")
          .append(p.ele())
          .append("</ele><time>")
          .append(p.time())
          .append("</time>");
      if (p.hr() != null) {
        gpx.append("<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>")
            .append(p.hr())
            .append("</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>");
      }
      gpx.append("</trkpt>\n");
    }
    return gpx.append(" </trkseg></trk>\n</gpx>\n").toString().getBytes();
  }

  /** The file converted by GPSBabel from GPX to {@code format} (gtrnctr: TCX, garmin_fit: FIT). */
  static byte[] gpsbabel(byte[] gpx, String format) {
    try {
      Path in = Files.createTempFile("track", ".gpx");
      Path out = Files.createTempFile("track", "." + format);
      try {
        Files.write(in, gpx);
        Process babel =
            new ProcessBuilder(
                    "gpsbabel",
                    "-i",
                    "gpx",
                    "-f",
                    in.toString(),
                    "-o",
                    format,
                    "-F",
                    out.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(babel.getInputStream().readAllBytes());
        if (babel.waitFor() != 0) {
          throw new IllegalStateException("gpsbabel failed: " + said);
        }
        return Files.readAllBytes(out);
      } finally {
        Files.deleteIfExists(in);
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("gpsbabel is needed (apt-get install gpsbabel)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A FIT activity written with Garmin's SDK: a record per point (positions where the point has
   * them), and one session per sport given, each with the totals given.
   */
  static byte[] fit(List<Point> points, Sport... sports) {
    try {
      Path file = Files.createTempFile("activity", ".fit");
      try {
        FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
        FileIdMesg id = new FileIdMesg();
        id.setType(com.garmin.fit.File.ACTIVITY);
        id.setManufacturer(com.garmin.fit.Manufacturer.DEVELOPMENT);
        id.setProduct(1);
        id.setSerialNumber(12345L);
        id.setTimeCreated(time(points.get(0).time()));
        encoder.write(id);
        for (Point p : points) {
          RecordMesg record = new RecordMesg();
          record.setTimestamp(time(p.time()));
          if (p.lat() != null) {
            record.setPositionLat(semicircles(p.lat()));
            record.setPositionLong(semicircles(p.lon()));
          }
          record.setEnhancedAltitude((float) p.ele());
          if (p.hr() != null) {
            record.setHeartRate(p.hr().shortValue());
          }
          encoder.write(record);
        }
        for (Sport sport : sports) {
          SessionMesg session = new SessionMesg();
          session.setTimestamp(time(points.get(points.size() - 1).time()));
          session.setStartTime(time(points.get(0).time()));
          session.setSport(sport);
          session.setTotalCalories(321);
          encoder.write(session);
        }
        encoder.close();
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DateTime time(Instant instant) {
    return new DateTime(java.util.Date.from(instant));
  }

  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * (Math.pow(2, 31) / 180));
  }
}
