package dev.stride.activityfiles.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.sessions.entity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpxReaderTest {
  private final ActivityFileReader reader = new ActivityFileReader();

  private Recording read(String gpx) throws UnreadableFileException {
    return reader.read(FileFormat.GPX, gpx.getBytes(UTF_8));
  }

  @Test
  void gpx10InTimeOrderWithoutUntimedPointsAndRepeatedTimes() throws Exception {
    Recording recording = reader.read(FileFormat.GPX, Fixtures.bytes("gpx10.gpx"));

    assertThat(recording.format()).isEqualTo(FileFormat.GPX);
    assertThat(recording.activity()).isEqualTo(Activity.WALKING);
    assertThat(recording.name()).isEqualTo("Morning walk");
    assertThat(recording.totals()).isEqualTo(FileTotals.NONE);
    assertThat(recording.samples())
        .extracting(Sample::time)
        .containsExactly(
            Instant.parse("2024-03-10T08:00:00Z"),
            Instant.parse("2024-03-10T08:00:10Z"),
            Instant.parse("2024-03-10T08:00:20Z"),
            Instant.parse("2024-03-10T08:00:30Z"));
    // Of the two points at 08:00:10, the first in the file is kept.
    assertThat(recording.samples().get(1))
        .isEqualTo(
            new Sample(
                Instant.parse("2024-03-10T08:00:10Z"),
                51.5001,
                -0.12005,
                10.8,
                null,
                null,
                null,
                null,
                null));
    assertThat(recording.samples().get(0).speedMetersPerSecond()).isEqualTo(1.4);
  }

  @Test
  void gpx11WithTrackPointExtensionsV1AndV2AndPowerOverAllSegments() throws Exception {
    Recording recording = reader.read(FileFormat.GPX, Fixtures.bytes("gpx11-heart-rate.gpx"));

    assertThat(recording.activity()).isEqualTo(Activity.RUNNING);
    assertThat(recording.name()).isEqualTo("Tempo run");
    assertThat(recording.samples())
        .containsExactly(
            new Sample(
                Instant.parse("2024-06-02T06:30:00Z"),
                45.46,
                9.19,
                122.0,
                null,
                97,
                80,
                null,
                null),
            new Sample(
                Instant.parse("2024-06-02T06:30:05Z"),
                45.4601,
                9.1901,
                122.4,
                null,
                120,
                null,
                250,
                null),
            new Sample(
                Instant.parse("2024-06-02T06:31:00Z"),
                45.461,
                9.191,
                123.0,
                null,
                151,
                88,
                null,
                null));
  }

  @ParameterizedTest
  @CsvSource({
    "running, RUNNING",
    "Run, RUNNING",
    "cycling, CYCLING",
    "biking, CYCLING",
    "Ride, CYCLING",
    "swimming, SWIMMING",
    "walking, WALKING",
    "hiking, HIKING",
    "rowing, ROWING",
    "generic, OTHER",
    "9, OTHER"
  })
  void sportFromTheTrackType(String type, Activity activity) throws Exception {
    assertThat(read(track("<type>" + type + "</type>")).activity()).isEqualTo(activity);
  }

  @Test
  void noTypeNoSportNoNameNoName() throws Exception {
    Recording recording = read(track(""));

    assertThat(recording.activity()).isNull();
    assertThat(recording.name()).isNull();
  }

  @Test
  void theMetadataNameWhenTheTrackHasNone() throws Exception {
    String gpx =
        gpx(
            "<metadata><name>From metadata</name></metadata><trk><trkseg>"
                + point("07:00:00")
                + "</trkseg></trk>");

    assertThat(read(gpx).name()).isEqualTo("From metadata");
  }

  @Test
  void routesAndWaypointsAreNotTheRecording() throws Exception {
    String gpx =
        gpx(
            "<wpt lat=\"1\" lon=\"1\"><time>2024-01-01T06:00:00Z</time></wpt>"
                + "<rte><rtept lat=\"1\" lon=\"1\"><time>2024-01-01T06:00:01Z</time></rtept></rte>"
                + "<trk><trkseg>"
                + point("07:00:00")
                + "</trkseg></trk>");

    assertThat(read(gpx).samples())
        .extracting(Sample::time)
        .containsExactly(Instant.parse("2024-01-01T07:00:00Z"));
  }

  @Test
  void twoTracksAreTwoActivities() {
    String gpx =
        gpx(
            "<trk><trkseg>"
                + point("07:00:00")
                + "</trkseg></trk>"
                + "<trk><trkseg>"
                + point("08:00:00")
                + "</trkseg></trk>");

    assertThatThrownBy(() -> read(gpx))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the GPX file holds more than one activity");
  }

  @Test
  void noTimestampsNoSamples() {
    String gpx = gpx("<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>3</ele></trkpt></trkseg></trk>");

    assertThatThrownBy(() -> read(gpx))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the GPX file holds no timed samples");
  }

  @Test
  void onlyWaypointsWithTimesAreNoSamples() {
    String gpx = gpx("<wpt lat=\"1\" lon=\"1\"><time>2024-01-01T06:00:00Z</time></wpt>");

    assertThatThrownBy(() -> read(gpx)).hasMessage("the GPX file holds no timed samples");
  }

  @Test
  void aBadHeartRateIsLostNotTheFile() throws Exception {
    String gpx =
        gpx(
            "<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-01-01T07:00:00Z</time>"
                + "<extensions><x:TrackPointExtension"
                + " xmlns:x=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
                + "<x:hr>fast</x:hr></x:TrackPointExtension></extensions></trkpt></trkseg></trk>");

    assertThat(read(gpx).samples().get(0).heartRate()).isNull();
  }

  @Test
  void xmlThatIsNotWellFormedIsRefusedAtOnce() {
    // jpx alone, in its LENIENT mode, loops for ever on this (a mutant of MutatedFilesTest).
    String gpx =
        gpx(
            "<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-01-01T07:00:00Z</time>"
                + "<extensions><6:30:00Z</time><extensions></extensions></trkpt></trkseg></trk>");

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () ->
            assertThatThrownBy(() -> read(gpx)).hasMessage("the GPX file is corrupt or truncated"));
  }

  static String gpx(String content) {
    return "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
        + content
        + "</gpx>";
  }

  /** A track with one timed point, {@code details} before its segment. */
  private static String track(String details) {
    return gpx("<trk>" + details + "<trkseg>" + point("07:00:00") + "</trkseg></trk>");
  }

  private static String point(String time) {
    return "<trkpt lat=\"45.0\" lon=\"9.0\"><time>2024-01-01T" + time + "Z</time></trkpt>";
  }

  @Test
  void eachPointKeepsItsOwnHeartRateAlsoWhenJpxLeavesAPointOut() throws Exception {
    String point =
        "<trkpt lat=\"%s\" lon=\"9\"><time>2026-10-04T07:00:0%dZ</time><extensions>"
            + "<gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr>"
            + "<gpxtpx:cad>8%d</gpxtpx:cad></gpxtpx:TrackPointExtension>"
            + "<power>2%d0</power></extensions></trkpt>";
    String gpx =
        "<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\""
            + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
            + "<trk><trkseg>%s</trkseg></trk></gpx>";
    StringBuilder good = new StringBuilder();
    StringBuilder oneBad = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      good.append(String.format(point, "45", i, 100 + i, i, i));
      oneBad.append(String.format(point, i == 2 ? "north" : "45", i, 100 + i, i, i));
    }
    // The extensions read alongside jpx, one per trkpt...
    assertThat(read(String.format(gpx, good)).samples())
        .extracting(Sample::heartRate, Sample::cadence, Sample::powerWatts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(101, 81, 210),
            org.assertj.core.groups.Tuple.tuple(102, 82, 220),
            org.assertj.core.groups.Tuple.tuple(103, 83, 230));
    // ... and jpx's own copies once it has dropped a point it could not read: never shifted.
    List<Sample> samples = read(String.format(gpx, oneBad)).samples();
    assertThat(samples).extracting(Sample::heartRate).doesNotContain(102).contains(101, 103);
  }
}
