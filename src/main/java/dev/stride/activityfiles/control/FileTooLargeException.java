package dev.stride.activityfiles.control;

/**
 * A file over the size Stride accepts, found while decompressing it (a small gzip body can hold
 * gigabytes: a "gzip bomb"). Distinct from {@link UnreadableFileException} because it is a 413, not
 * a 400.
 */
public class FileTooLargeException extends Exception {
  public FileTooLargeException(int maxBytes) {
    super("the file is larger than " + maxBytes + " bytes once decompressed");
  }
}
