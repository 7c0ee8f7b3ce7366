package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The files of {@code src/test/resources/activityfiles} (see the README there). */
final class Fixtures {
  /** The times of the track in {@code gpsbabel-source.gpx}, so in GPSBabel's TCX and FIT. */
  static final List<Instant> GPSBABEL_TIMES =
      Stream.of("07:00:00", "07:00:10", "07:00:20", "07:00:30")
          .map(time -> Instant.parse("2024-05-01T" + time + "Z"))
          .toList();

  private Fixtures() {}

  /** The valid files of the folder, with their format. */
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("gpx10.gpx", FileFormat.GPX),
        Arguments.of("gpx11-heart-rate.gpx", FileFormat.GPX),
        Arguments.of("laps.tcx", FileFormat.TCX),
        Arguments.of("gpsbabel.tcx", FileFormat.TCX),
        Arguments.of("gpsbabel.fit", FileFormat.FIT));
  }

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/activityfiles/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
