package dev.stride.tester.activityfiles.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names are activity files, and the media type each is sent with. */
class ActivityFileTest {

  @ParameterizedTest
  @CsvSource({
    "run.gpx, GPX, false, application/gpx+xml",
    "ride.tcx, TCX, false, application/vnd.garmin.tcx+xml",
    "swim.fit, FIT, false, application/vnd.ant.fit",
    "RUN.GPX, GPX, false, application/gpx+xml",
    "run.gpx.gz, GPX, true, application/gzip",
    "ride.TCX.GZ, TCX, true, application/gzip",
    "a.b.fit.gz, FIT, true, application/gzip"
  })
  void anActivityFileIsKnownByItsExtension(
      String name, FileFormat format, boolean gzipped, String mediaType) {
    var file = ActivityFile.of(Path.of("some/folder", name));

    assertThat(file).contains(new ActivityFile(Path.of("some/folder", name), format, gzipped));
    assertThat(file.orElseThrow().mediaType()).isEqualTo(mediaType);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"notes.txt", ".gpx", ".fit.gz", "run.gz", "run.fit.zip", "run.gpxx", "gpx"})
  void otherNamesAreNot(String name) {
    assertThat(ActivityFile.of(Path.of(name))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"run, GPX, false, run.gpx", "run, FIT, true, run.fit.gz"})
  void aGeneratedFileIsNamedSoThatItIsKnownAgain(
      String base, FileFormat format, boolean gzipped, String name) {
    assertThat(ActivityFile.fileName(base, format, gzipped)).isEqualTo(name);
    assertThat(ActivityFile.of(Path.of(name)).orElseThrow().format()).isEqualTo(format);
  }
}
