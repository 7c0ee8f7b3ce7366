package dev.stride.activityfiles.entity;

import java.util.Optional;

/** The formats of activity files Stride reads: name on the wire, media type, file extension. */
public enum FileFormat {
  GPX("application/gpx+xml"),
  TCX("application/vnd.garmin.tcx+xml"),
  FIT("application/vnd.ant.fit");

  private final String mediaType;

  FileFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** {@code gpx}, {@code tcx} or {@code fit}: in {@code source.format} and file names. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format whose media type is {@code type} (type and subtype only, case-insensitive). */
  public static Optional<FileFormat> ofMediaType(String type) {
    for (FileFormat format : values()) {
      if (format.mediaType.equalsIgnoreCase(type)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public static Optional<FileFormat> fromWireName(String name) {
    for (FileFormat format : values()) {
      if (format.wireName().equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
