package dev.stride.activityfiles.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcxReaderTest {
  private final ActivityFileReader reader = new ActivityFileReader();

  private Recording read(String tcx) throws UnreadableFileException {
    return reader.read(FileFormat.TCX, tcx.getBytes(UTF_8));
  }

  @Test
  void anActivityWithLaps() throws Exception {
    Recording recording = reader.read(FileFormat.TCX, Fixtures.bytes("laps.tcx"));

    assertThat(recording.format()).isEqualTo(FileFormat.TCX);
    assertThat(recording.activity()).isEqualTo(Activity.RUNNING);
    assertThat(recording.name()).isEqualTo("Intervals by the Seine");
    // avg: (140 * 600 + 141 * 600) / 1200 = 140.5, rounded half up.
    assertThat(recording.totals()).isEqualTo(new FileTotals(3000.0, 141, 170, 230));
    assertThat(recording.samples())
        .containsExactly(
            new Sample(
                Instant.parse("2024-07-01T05:00:00Z"),
                48.8566,
                2.3522,
                35.2,
                0.0,
                101,
                82,
                210,
                3.2),
            new Sample(
                Instant.parse("2024-07-01T05:10:00Z"),
                48.86,
                2.36,
                36.0,
                2000.5,
                150,
                null,
                null,
                null),
            new Sample(
                Instant.parse("2024-07-01T05:15:00Z"),
                null,
                null,
                null,
                3000.0,
                165,
                null,
                null,
                null));
  }

  @Test
  void aCourseAsGpsBabelWritesIt() throws Exception {
    Recording recording = reader.read(FileFormat.TCX, Fixtures.bytes("gpsbabel.tcx"));

    assertThat(recording.activity()).isNull();
    assertThat(recording.name()).isEqualTo("Canal loop");
    assertThat(recording.totals()).isEqualTo(new FileTotals(203.96, null, null, null));
    assertThat(recording.samples())
        .extracting(Sample::time)
        .containsExactlyElementsOf(Fixtures.GPSBABEL_TIMES);
    assertThat(recording.samples().get(2))
        .isEqualTo(
            new Sample(
                Instant.parse("2024-05-01T07:00:20Z"),
                45.461,
                9.191,
                124.5,
                null,
                null,
                null,
                null,
                6.799));
  }

  @ParameterizedTest
  @CsvSource({"Running, RUNNING", "Biking, CYCLING", "Other, OTHER"})
  void sport(String sport, Activity activity) throws Exception {
    assertThat(read(activity("Sport=\"" + sport + "\"", "")).activity()).isEqualTo(activity);
  }

  @Test
  void withoutLapSummariesNoTotals() throws Exception {
    Recording recording = read(activity("Sport=\"Running\"", ""));

    assertThat(recording.totals()).isEqualTo(FileTotals.NONE);
    assertThat(recording.name()).isNull();
  }

  @Test
  void zeroCaloriesAreNoCalories() throws Exception {
    Recording recording = read(activity("Sport=\"Running\"", "<Lap><Calories>0</Calories></Lap>"));

    assertThat(recording.totals().calories()).isNull();
  }

  @Test
  void aTimeWithAnOffset() throws Exception {
    String tcx = activity("", "").replace("2024-01-01T07:00:00Z", "2024-01-01T09:00:00+02:00");

    assertThat(read(tcx).samples().get(0).time()).isEqualTo(Instant.parse("2024-01-01T07:00:00Z"));
  }

  @Test
  void twoActivities() {
    String tcx =
        activity("", "").replace("</Activities>", activityElement("", "") + "</Activities>");

    assertThatThrownBy(() -> read(tcx))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the TCX file holds more than one activity");
  }

  @Test
  void aMultiSportSessionIsMoreThanOneActivity() {
    String tcx =
        tcx(
            "<Activities><MultiSportSession><Id>2024-01-01T07:00:00Z</Id><FirstSport>"
                + activityElement("Sport=\"Running\"", "")
                + "</FirstSport><NextSport>"
                + activityElement("Sport=\"Biking\"", "")
                + "</NextSport></MultiSportSession></Activities>");

    assertThatThrownBy(() -> read(tcx)).hasMessage("the TCX file holds more than one activity");
  }

  @Test
  void trackpointsWithoutTimes() {
    String tcx = activity("", "").replace("<Time>2024-01-01T07:00:00Z</Time>", "");

    assertThatThrownBy(() -> read(tcx)).hasMessage("the TCX file holds no timed samples");
  }

  @Test
  void aHeartRateThatIsNoNumber() {
    String tcx =
        activity("", "")
            .replace("</Time>", "</Time><HeartRateBpm><Value>NaN</Value></HeartRateBpm>");

    assertThatThrownBy(() -> read(tcx)).hasMessage("the TCX file has an invalid number");
  }

  private static String tcx(String content) {
    return "<TrainingCenterDatabase"
        + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
        + content
        + "</TrainingCenterDatabase>";
  }

  /** A file with one activity of one trackpoint at 07:00, {@code laps} before its track. */
  static String activity(String attributes, String laps) {
    return tcx("<Activities>" + activityElement(attributes, laps) + "</Activities>");
  }

  private static String activityElement(String attributes, String laps) {
    return "<Activity "
        + attributes
        + "><Id>2024-01-01T07:00:00Z</Id>"
        + laps
        + "<Lap StartTime=\"2024-01-01T07:00:00Z\"><Track><Trackpoint>"
        + "<Time>2024-01-01T07:00:00Z</Time></Trackpoint></Track></Lap></Activity>";
  }
}
