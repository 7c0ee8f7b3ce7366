package dev.stride.activityfiles.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.activityfiles.entity.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityFileReaderTest {
  private final ActivityFileReader reader = new ActivityFileReader();

  @Test
  void theLimitsAsTheContractStatesThem() {
    assertThat(ActivityFileReader.MAX_FILE_BYTES).isEqualTo(16 * 1024 * 1024);
    assertThat(ActivityFileReader.MAX_SAMPLES).isEqualTo(200_000);
  }

  @ParameterizedTest
  @MethodSource("dev.stride.activityfiles.control.Fixtures#valid")
  void detectsTheFormat(String fixture, FileFormat format) throws Exception {
    assertThat(ActivityFileReader.detect(Fixtures.bytes(fixture))).isEqualTo(format);
  }

  @Test
  void detectsNeitherInOtherXmlOrText() {
    assertThatThrownBy(() -> ActivityFileReader.detect("<kml/>".getBytes(UTF_8)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("this is neither a GPX, a TCX nor a FIT file");
    assertThatThrownBy(() -> ActivityFileReader.detect("hello".getBytes(UTF_8)))
        .hasMessage("this is neither a GPX, a TCX nor a FIT file");
    assertThatThrownBy(() -> ActivityFileReader.detect(new byte[0]))
        .hasMessage("the file is empty");
  }

  @ParameterizedTest
  @CsvSource({
    "laps.tcx, GPX, this is not a GPX file",
    "gpsbabel.fit, GPX, this is not a GPX file",
    "gpx10.gpx, TCX, this is not a TCX file",
    "gpsbabel.fit, TCX, this is not a TCX file",
    "gpx11-heart-rate.gpx, FIT, this is not a FIT file",
    "laps.tcx, FIT, this is not a FIT file"
  })
  void aFileOfAnotherFormatThanDeclared(String fixture, FileFormat declared, String message) {
    assertThatThrownBy(() -> reader.read(declared, Fixtures.bytes(fixture)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void anEmptyFile(FileFormat format) {
    assertThatThrownBy(() -> reader.read(format, new byte[0])).hasMessage("the file is empty");
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void randomBytes(FileFormat format) {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);

    assertThatThrownBy(() -> reader.read(format, noise))
        .isInstanceOf(UnreadableFileException.class);
  }

  @ParameterizedTest
  @MethodSource("dev.stride.activityfiles.control.Fixtures#valid")
  void aTruncatedFile(String fixture, FileFormat format) {
    byte[] file = Fixtures.bytes(fixture);

    assertThatThrownBy(() -> reader.read(format, Arrays.copyOf(file, file.length * 2 / 3)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the " + format + " file is corrupt or truncated");
  }

  @Test
  void gunzipsWhatFits() throws Exception {
    byte[] file = Fixtures.bytes("laps.tcx");

    assertThat(ActivityFileReader.gunzip(gzip(file), file.length)).isEqualTo(file);
  }

  @Test
  void aGzipBombStopsAtTheLimit() throws Exception {
    byte[] bomb = gzip(new byte[ActivityFileReader.MAX_FILE_BYTES + 1]);
    assertThat(bomb.length).isLessThan(64 * 1024);

    assertThatThrownBy(() -> ActivityFileReader.gunzip(bomb, ActivityFileReader.MAX_FILE_BYTES))
        .isInstanceOf(FileTooLargeException.class);
  }

  @Test
  void corruptOrTruncatedGzip() throws Exception {
    byte[] gz = gzip(Fixtures.bytes("laps.tcx"));

    assertThatThrownBy(() -> ActivityFileReader.gunzip(Arrays.copyOf(gz, gz.length / 2), 1 << 20))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the gzip data is corrupt or truncated");
    assertThatThrownBy(() -> ActivityFileReader.gunzip("not gzip".getBytes(UTF_8), 1 << 20))
        .isInstanceOf(UnreadableFileException.class);
    assertThatThrownBy(() -> ActivityFileReader.gunzip(new byte[0], 1 << 20))
        .isInstanceOf(UnreadableFileException.class);
  }

  @Test
  void noMoreThanMaxSamples() throws Exception {
    // The exact boundary is TimedSamplesTest's; this is the whole way through a reader.
    assertThatThrownBy(() -> reader.read(FileFormat.TCX, tcxOf(ActivityFileReader.MAX_SAMPLES + 1)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the TCX file holds more than 200000 samples");
  }

  /** A TCX file of {@code n} trackpoints one second apart (the template has one). */
  private static byte[] tcxOf(int n) {
    StringBuilder points = new StringBuilder();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 1; i < n; i++) {
      points
          .append("<Trackpoint><Time>")
          .append(start.plusSeconds(i))
          .append("</Time></Trackpoint>");
    }
    return TcxReaderTest.activity("", "").replace("<Track>", "<Track>" + points).getBytes(UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
