package dev.stride.activityfiles.control;

import static dev.stride.activityfiles.control.FitFiles.START;
import static dev.stride.activityfiles.control.FitFiles.activityFileId;
import static dev.stride.activityfiles.control.FitFiles.encode;
import static dev.stride.activityfiles.control.FitFiles.lap;
import static dev.stride.activityfiles.control.FitFiles.record;
import static dev.stride.activityfiles.control.FitFiles.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Sport;
import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.sessions.entity.Activity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitReaderTest {
  /** 45° and 9° in semicircles (2^31 = 180°). */
  private static final int LAT_45 = 1 << 29;

  private static final int LON_9 = 107374182;

  private final ActivityFileReader reader = new ActivityFileReader();

  /** An outdoor run of three records, the last two given in reverse order. */
  static byte[] run() {
    return encode(
        List.of(
            activityFileId(),
            record(0, LAT_45, LON_9, 100),
            record(20, LAT_45 + 1000, LON_9 + 1000, 140),
            record(10, LAT_45 + 500, LON_9 + 500, 120),
            lap(20),
            session(Sport.RUNNING, 20)));
  }

  @Test
  void anActivityFile() throws Exception {
    Recording recording = reader.read(FileFormat.FIT, run());

    assertThat(recording.format()).isEqualTo(FileFormat.FIT);
    assertThat(recording.activity()).isEqualTo(Activity.RUNNING);
    assertThat(recording.name()).isNull();
    assertThat(recording.totals()).isEqualTo(new FileTotals(1234.5, 142, 171, 321));
    assertThat(recording.samples())
        .extracting(Sample::time)
        .containsExactly(START, START.plusSeconds(10), START.plusSeconds(20));
    Sample first = recording.samples().get(0);
    assertThat(first.latitude()).isEqualTo(45.0);
    assertThat(first.longitude()).isCloseTo(9.0, within(1e-7));
    assertThat(first)
        .isEqualTo(new Sample(START, 45.0, first.longitude(), 100.2, 0.0, 100, 85, 200, 2.5));
    assertThat(recording.samples().get(1).elevationMeters()).isEqualTo(110.2);
    assertThat(recording.samples().get(1).distanceMeters()).isEqualTo(25.0);
    assertThat(recording.samples().get(1).heartRate()).isEqualTo(120);
  }

  @Test
  void anIndoorActivityHasNoPositions() throws Exception {
    byte[] indoor =
        encode(
            List.of(
                activityFileId(),
                record(0, null, null, 90),
                record(1, null, null, 91),
                session(Sport.CYCLING, 1)));

    Recording recording = reader.read(FileFormat.FIT, indoor);

    assertThat(recording.activity()).isEqualTo(Activity.CYCLING);
    assertThat(recording.samples()).hasSize(2).noneMatch(Sample::hasPosition);
    assertThat(recording.samples()).extracting(Sample::heartRate).containsExactly(90, 91);
  }

  @Test
  void aGenericSportIsOther() throws Exception {
    byte[] generic =
        encode(List.of(activityFileId(), record(0, null, null, 90), session(Sport.GENERIC, 0)));

    assertThat(reader.read(FileFormat.FIT, generic).activity()).isEqualTo(Activity.OTHER);
  }

  @Test
  void aMultiSportFileIsRefused() {
    byte[] multiSport =
        encode(
            List.of(
                activityFileId(),
                record(0, LAT_45, LON_9, 100),
                session(Sport.SWIMMING, 0),
                record(10, LAT_45, LON_9, 100),
                session(Sport.CYCLING, 10)));

    assertThatThrownBy(() -> reader.read(FileFormat.FIT, multiSport))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the FIT file holds more than one activity");
  }

  @Test
  void recordsWithoutTimestampsAreSkipped() throws Exception {
    var untimed = record(5, LAT_45, LON_9, 100);
    untimed.removeField(untimed.getField("timestamp"));
    byte[] file = encode(List.of(activityFileId(), record(0, null, null, 90), untimed));

    assertThat(reader.read(FileFormat.FIT, file).samples()).hasSize(1);
  }

  @Test
  void withoutTimedRecordsNoSamples() {
    byte[] file = encode(List.of(activityFileId(), session(Sport.RUNNING, 0)));

    assertThatThrownBy(() -> reader.read(FileFormat.FIT, file))
        .hasMessage("the FIT file holds no timed samples");
  }

  @Test
  void aCourseAsGpsBabelWritesIt() throws Exception {
    Recording recording = reader.read(FileFormat.FIT, Fixtures.bytes("gpsbabel.fit"));

    assertThat(recording.activity()).isNull();
    assertThat(recording.totals()).isEqualTo(FileTotals.NONE);
    assertThat(recording.samples())
        .extracting(Sample::time)
        .containsExactlyElementsOf(Fixtures.GPSBABEL_TIMES);
    Sample last = recording.samples().get(3);
    assertThat(last.latitude()).isCloseTo(45.4615, within(1e-6));
    assertThat(last.longitude()).isCloseTo(9.1915, within(1e-6));
    assertThat(last.elevationMeters()).isEqualTo(123.4);
  }

  @Test
  void aTruncatedFileIsCorrupt() {
    byte[] run = run();

    assertThatThrownBy(() -> reader.read(FileFormat.FIT, Arrays.copyOf(run, run.length - 5)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the FIT file is corrupt or truncated");
  }

  @Test
  void aFlippedByteIsCorrupt() {
    byte[] run = run();
    run[run.length / 2] ^= 0x55;

    assertThatThrownBy(() -> reader.read(FileFormat.FIT, run))
        .hasMessage("the FIT file is corrupt or truncated");
  }
}
