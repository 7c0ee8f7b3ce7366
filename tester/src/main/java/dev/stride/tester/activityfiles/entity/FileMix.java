package dev.stride.tester.activityfiles.entity;

/** Which formats a run generates: one of them for every file, or the three in turn. */
public enum FileMix {
  GPX,
  TCX,
  FIT,
  MIXED;

  /** The format of the file with this index. */
  public FileFormat formatOf(int index) {
    return switch (this) {
      case GPX -> FileFormat.GPX;
      case TCX -> FileFormat.TCX;
      case FIT -> FileFormat.FIT;
      case MIXED -> FileFormat.values()[Math.floorMod(index, FileFormat.values().length)];
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
