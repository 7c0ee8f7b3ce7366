package dev.stride.tester.activityfiles.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.activityfiles.entity.FileFormat;
import dev.stride.tester.activityfiles.entity.FileMix;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/** Generated files read back with the libraries, and GPSBabel where it is installed. */
class FileGeneratorTest {

  static final Instant START = Instant.parse("2026-03-01T07:00:00Z");
  static final Path GPSBABEL = Path.of("/usr/bin/gpsbabel");
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path folder;

  ActivityFile write(FileFormat format, int index, Instant start, boolean gzipped) {
    return new FileGenerator(7, FileMix.valueOf(format.name()), HOUR, gzipped)
        .write(folder, index, start);
  }

  @Test
  void gpxHasAPointASecondWithHeartRateAndCadenceInGarminsExtension() throws IOException {
    var file = write(FileFormat.GPX, 0, START, false);

    GPX gpx = GPX.Reader.DEFAULT.read(file.path());

    assertThat(gpx.getTracks()).singleElement();
    var track = gpx.getTracks().get(0);
    assertThat(track.getName()).hasValueSatisfying(name -> assertThat(name).contains("2026-03-01"));
    List<WayPoint> points = track.getSegments().get(0).getPoints();
    assertThat(points).hasSize(3600);
    assertThat(points.get(0).getTime()).contains(START);
    assertThat(points.get(3599).getTime()).contains(START.plusSeconds(3599));
    for (var point : List.of(points.get(0), points.get(1800), points.get(3599))) {
      assertThat(point.getElevation()).isPresent();
      var extension = point.getExtensions().orElseThrow().getDocumentElement();
      assertThat(extension.getLocalName()).isEqualTo("extensions");
      assertThat(number(extension, "hr")).isBetween(100, 180);
      assertThat(number(extension, "cad")).isBetween(40, 100);
    }
  }

  static int number(Element extensions, String name) {
    var elements = extensions.getElementsByTagNameNS(GpxFile.TRACK_POINT_EXTENSION, name);
    assertThat(elements.getLength()).as(name).isEqualTo(1);
    return Integer.parseInt(elements.item(0).getTextContent());
  }

  @Test
  void fitPassesTheSdksIntegrityCheckAndHoldsEveryRecordAndTheSession() throws IOException {
    var file = write(FileFormat.FIT, 1, START, false);

    try (InputStream in = Files.newInputStream(file.path())) {
      assertThat(new Decode().checkFileIntegrity(in)).isTrue();
    }
    var records = new ArrayList<RecordMesg>();
    var sessions = new ArrayList<SessionMesg>();
    var decode = new Decode();
    var broadcaster = new MesgBroadcaster(decode);
    broadcaster.addListener((com.garmin.fit.RecordMesgListener) records::add);
    broadcaster.addListener((com.garmin.fit.SessionMesgListener) sessions::add);
    try (InputStream in = Files.newInputStream(file.path())) {
      decode.read(in, broadcaster, broadcaster);
    }

    assertThat(records).hasSize(3600);
    assertThat(records.get(0).getTimestamp().getDate().toInstant()).isEqualTo(START);
    assertThat(records)
        .allSatisfy(
            record -> assertThat(record.getHeartRate()).isBetween((short) 100, (short) 180));
    assertThat(sessions).singleElement();
    var session = sessions.get(0);
    assertThat(session.getSport()).isIn(Sport.RUNNING, Sport.CYCLING, Sport.WALKING, Sport.HIKING);
    assertThat(session.getTotalElapsedTime()).isEqualTo(3599f);
    assertThat(session.getTotalDistance()).isEqualTo(records.get(3599).getDistance());
    assertThat(session.getMaxHeartRate()).isBetween((short) 100, (short) 180);
  }

  @Test
  void tcxIsWellFormedWithTheLapsTotalsAndATrackpointASecond() throws Exception {
    var file = write(FileFormat.TCX, 2, START, false);

    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document = factory.newDocumentBuilder().parse(file.path().toFile());

    String ns = TcxFile.NAMESPACE;
    assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
    var activity = (Element) document.getElementsByTagNameNS(ns, "Activity").item(0);
    assertThat(activity.getAttribute("Sport")).isIn("Running", "Biking", "Other");
    assertThat(text(activity, "Id")).isEqualTo(START.toString());
    var lap = (Element) activity.getElementsByTagNameNS(ns, "Lap").item(0);
    assertThat(text(lap, "TotalTimeSeconds")).isEqualTo("3599");
    assertThat(Double.parseDouble(text(lap, "DistanceMeters"))).isPositive();
    assertThat(Integer.parseInt(text(lap, "Calories"))).isPositive();
    assertThat(lap.getElementsByTagNameNS(ns, "AverageHeartRateBpm").getLength()).isEqualTo(1);
    assertThat(lap.getElementsByTagNameNS(ns, "MaximumHeartRateBpm").getLength()).isEqualTo(1);
    var points = lap.getElementsByTagNameNS(ns, "Trackpoint");
    assertThat(points.getLength()).isEqualTo(3600);
    var last = (Element) points.item(3599);
    for (var name :
        List.of(
            "Time",
            "LatitudeDegrees",
            "LongitudeDegrees",
            "AltitudeMeters",
            "DistanceMeters",
            "Value",
            "Cadence")) {
      assertThat(last.getElementsByTagNameNS(ns, name).getLength()).as(name).isEqualTo(1);
    }
    assertThat(text(last, "Time")).isEqualTo(START.plusSeconds(3599).toString());
  }

  static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(TcxFile.NAMESPACE, name).item(0).getTextContent();
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void gpsBabelReadsEveryFormatWithItsHeartRateAndCadence(FileFormat format) throws Exception {
    assumeThat(Files.isExecutable(GPSBABEL)).as("GPSBabel is installed").isTrue();
    var file = write(format, 3, START, false);
    String input =
        switch (format) {
          case GPX -> "gpx";
          case TCX -> "gtrnctr";
          case FIT -> "garmin_fit";
        };
    Path converted = folder.resolve("converted.gpx");

    var process =
        new ProcessBuilder(
                GPSBABEL.toString(),
                "-t",
                "-i",
                input,
                "-f",
                file.path().toString(),
                "-o",
                "gpx,garminextensions",
                "-F",
                converted.toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("gpsbabel.log").toFile())
            .start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(folder.resolve("gpsbabel.log"))).isZero();
    String gpx = Files.readString(converted);
    assertThat(gpx.split("<trkpt ", -1)).hasSize(3600 + 1);
    assertThat(gpx.split("<gpxtpx:hr>", -1)).hasSize(3600 + 1);
    assertThat(gpx.split("<gpxtpx:cad>", -1)).hasSize(3600 + 1);
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void theSameFileNumberIsTheSameBytesAndAnotherStartOthers(FileFormat format) throws IOException {
    var first = write(format, 4, START, false);
    byte[] bytes = Files.readAllBytes(first.path());
    Files.delete(first.path());

    var again = write(format, 4, START, false);
    var later = write(format, 5, START.plusSeconds(1), false);

    assertThat(Files.readAllBytes(again.path())).isEqualTo(bytes);
    assertThat(sha256(Files.readAllBytes(later.path()))).isNotEqualTo(sha256(bytes));
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void aGzippedFileIsThePlainFileCompressed(FileFormat format) throws IOException {
    var plain = write(format, 6, START, false);
    var gzipped = write(format, 6, START, true);

    assertThat(gzipped.path().getFileName().toString()).endsWith(format.extension() + ".gz");
    assertThat(ActivityFile.of(gzipped.path())).contains(gzipped);
    try (var in = new GZIPInputStream(Files.newInputStream(gzipped.path()))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(plain.path()));
    }
    try (var files = Files.list(folder)) {
      assertThat(files).as("no temporary file left").hasSize(2);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
