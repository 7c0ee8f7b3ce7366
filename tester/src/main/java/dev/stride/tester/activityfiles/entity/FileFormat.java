package dev.stride.tester.activityfiles.entity;

import java.util.Locale;

/**
 * The formats of activity files Stride imports: the media type a file is sent with and the
 * extension it has on disk, which is also its name in {@code source.format}.
 */
public enum FileFormat {
  GPX("application/gpx+xml"),
  TCX("application/vnd.garmin.tcx+xml"),
  FIT("application/vnd.ant.fit");

  /** The media type of any of them gzipped. */
  public static final String GZIP_MEDIA_TYPE = "application/gzip";

  /** The extension that a gzipped file adds to its format's. */
  public static final String GZIP_EXTENSION = ".gz";

  private final String mediaType;
  private final String wireName = name().toLowerCase(Locale.ROOT);

  FileFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** {@code gpx}, {@code tcx} or {@code fit}: as in {@code source.format}. */
  public String wireName() {
    return wireName;
  }

  /** {@code .gpx}, {@code .tcx} or {@code .fit}. */
  public String extension() {
    return "." + wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
