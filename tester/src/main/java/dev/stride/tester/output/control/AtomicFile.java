package dev.stride.tester.output.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file as a whole or not at all: the new content goes into a temporary file next to it
 * ({@code .NAME.*.tmp}, same folder, so the same file system), which is forced to disk and then
 * moved over the file in one step. A reader, or a run that stops half-way, sees the old file or the
 * new one, never a part; a failed write leaves no temporary file behind.
 */
public final class AtomicFile {

  /** Writes the content to the stream it is given; the stream is closed afterwards. */
  @FunctionalInterface
  public interface Content<T> {
    T writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Replaces {@code file} with what {@code content} writes; returns what {@code content} returns.
   */
  public static <T> T replace(Path file, Content<T> content) {
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
      T result;
      try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        var out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        result = content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temporary, target);
      temporary = null;
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the failure that got here is the one to report
        }
      }
    }
  }

  private static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // a file system that cannot rename in one step: replaced all the same, though not atomically
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
