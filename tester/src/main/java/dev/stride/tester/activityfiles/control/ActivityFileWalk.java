package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ActivityFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The activity files that command-line arguments name: a file as it is, a folder with every
 * activity file below it, in the order of their paths so that a report reads the same each run.
 */
public final class ActivityFileWalk {

  private ActivityFileWalk() {}

  /**
   * @throws IllegalArgumentException for a path that does not exist, or a file named on its own
   *     that is not an activity file: a mistake on the command line, not something to skip
   */
  public static List<ActivityFile> find(List<Path> paths) {
    var files = new LinkedHashSet<ActivityFile>();
    for (var path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(below(path));
      } else if (Files.isRegularFile(path)) {
        files.add(
            ActivityFile.of(path)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            path
                                + " is not an activity file (.gpx, .tcx, .fit, or one of them .gz)")));
      } else {
        throw new IllegalArgumentException(path + " does not exist");
      }
    }
    return List.copyOf(files);
  }

  private static List<ActivityFile> below(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      var found = new ArrayList<ActivityFile>();
      walk.filter(Files::isRegularFile)
          .sorted()
          .map(ActivityFile::of)
          .flatMap(Optional::stream)
          .forEach(found::add);
      return found;
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot list " + folder + ": " + e.getMessage(),
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
  }
}
