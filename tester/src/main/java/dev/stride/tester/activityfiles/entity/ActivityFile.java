package dev.stride.tester.activityfiles.entity;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A file on disk in one of the formats, perhaps gzipped, as its name tells. */
public record ActivityFile(Path path, FileFormat format, boolean gzipped) {

  public ActivityFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
  }

  /**
   * The activity file {@code path} names ({@code x.gpx}, {@code x.tcx.gz}, case-insensitive), or
   * empty for any other name.
   */
  public static Optional<ActivityFile> of(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return Optional.empty();
    }
    String name = fileName.toString().toLowerCase(Locale.ROOT);
    boolean gzipped = name.endsWith(FileFormat.GZIP_EXTENSION);
    if (gzipped) {
      name = name.substring(0, name.length() - FileFormat.GZIP_EXTENSION.length());
    }
    for (var format : FileFormat.values()) {
      if (name.endsWith(format.extension()) && name.length() > format.extension().length()) {
        return Optional.of(new ActivityFile(path, format, gzipped));
      }
    }
    return Optional.empty();
  }

  /** The name a file of this format gets: {@code base.gpx}, or {@code base.gpx.gz}. */
  public static String fileName(String base, FileFormat format, boolean gzipped) {
    return base + format.extension() + (gzipped ? FileFormat.GZIP_EXTENSION : "");
  }

  /** The Content-Type the file is sent with: the format's, or gzip's for a gzipped file. */
  public String mediaType() {
    return gzipped ? FileFormat.GZIP_MEDIA_TYPE : format.mediaType();
  }
}
