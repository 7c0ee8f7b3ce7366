package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;

/**
 * The reasons a file cannot be imported, each worded once: they become the detail of a 400 problem,
 * so they speak to the user and never quote a parser.
 */
final class Unreadable {
  private Unreadable() {}

  static UnreadableFileException empty() {
    return new UnreadableFileException("the file is empty");
  }

  static UnreadableFileException notOfFormat(FileFormat format) {
    return new UnreadableFileException("this is not a " + format + " file");
  }

  static UnreadableFileException unknownFormat() {
    return new UnreadableFileException("this is neither a GPX, a TCX nor a FIT file");
  }

  static UnreadableFileException corrupt(FileFormat format, Throwable cause) {
    return new UnreadableFileException("the " + format + " file is corrupt or truncated", cause);
  }

  static UnreadableFileException invalidValue(FileFormat format, String what) {
    return new UnreadableFileException("the " + format + " file has an invalid " + what);
  }

  static UnreadableFileException doctype() {
    return new UnreadableFileException(
        "the file declares a DOCTYPE, which activity files never do; it is refused");
  }

  static UnreadableFileException moreThanOneActivity(FileFormat format) {
    return new UnreadableFileException("the " + format + " file holds more than one activity");
  }

  static UnreadableFileException noTimedSamples(FileFormat format) {
    return new UnreadableFileException("the " + format + " file holds no timed samples");
  }

  static UnreadableFileException tooManySamples(FileFormat format, int max) {
    return new UnreadableFileException(
        "the " + format + " file holds more than " + max + " samples");
  }

  static UnreadableFileException positionOutOfRange(FileFormat format) {
    return new UnreadableFileException("the " + format + " file has a position off the globe");
  }
}
