package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.namespace.QName;

/**
 * Reads an activity file (contract: "Activity files") into a {@link Recording}: checks that the
 * bytes are of the format the client declared, then hands them to the reader of that format. Every
 * way a file can be wrong ends as an {@link UnreadableFileException} (a 400), never as anything
 * else; the samples come back in time order, one per instant (see {@link TimedSamples}).
 */
@ApplicationScoped
public class ActivityFileReader {
  /** The largest file accepted, compressed or not (contract: "Files up to 16 MiB"). */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /** More samples than a day at one per second and then some: a real activity never has more. */
  public static final int MAX_SAMPLES = 200_000;

  /** A FIT file starts with its header size, and has ".FIT" at offset 8. */
  private static final byte[] FIT_SIGNATURE = ".FIT".getBytes(StandardCharsets.US_ASCII);

  private static final int FIT_SIGNATURE_OFFSET = 8;

  /** FIT headers are 12 bytes (old) or 14 (with a header CRC). */
  private static final int SMALLEST_FIT_HEADER = 12;

  private static final int GUNZIP_CHUNK = 64 * 1024;

  /**
   * The recording {@code file} holds.
   *
   * @param declared the format of the request's media type
   * @param file the bytes of the file, already decompressed
   */
  public Recording read(FileFormat declared, byte[] file) throws UnreadableFileException {
    if (file.length == 0) {
      throw Unreadable.empty();
    }
    if (declared == FileFormat.FIT) {
      if (!isFit(file)) {
        throw Unreadable.notOfFormat(FileFormat.FIT);
      }
      return new FitReader().read(file);
    }
    Optional<QName> root = SafeXml.rootElement(file);
    if (root.flatMap(ActivityFileReader::xmlFormat).orElse(null) != declared) {
      throw Unreadable.notOfFormat(declared);
    }
    return declared == FileFormat.GPX
        ? new GpxReader().read(file, root.get())
        : new TcxReader().read(file);
  }

  /**
   * The format of a file that came without one (a gzip body): by its header or its root element.
   */
  public static FileFormat detect(byte[] file) throws UnreadableFileException {
    if (file.length == 0) {
      throw Unreadable.empty();
    }
    if (isFit(file)) {
      return FileFormat.FIT;
    }
    return SafeXml.rootElement(file)
        .flatMap(ActivityFileReader::xmlFormat)
        .orElseThrow(Unreadable::unknownFormat);
  }

  /**
   * The bytes {@code gz} decompresses to.
   *
   * @throws FileTooLargeException as soon as they exceed {@code maxBytes}, without decompressing
   *     the rest
   * @throws UnreadableFileException when {@code gz} is not gzip or is corrupt or truncated
   */
  public static byte[] gunzip(byte[] gz, int maxBytes)
      throws FileTooLargeException, UnreadableFileException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] chunk = new byte[GUNZIP_CHUNK];
      for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
        if (out.size() + n > maxBytes) {
          throw new FileTooLargeException(maxBytes);
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("the gzip data is corrupt or truncated", e);
    }
    return out.toByteArray();
  }

  private static boolean isFit(byte[] file) {
    int headerSize = file[0] & 0xFF;
    return headerSize >= SMALLEST_FIT_HEADER
        && file.length >= headerSize
        && Arrays.equals(
            file,
            FIT_SIGNATURE_OFFSET,
            FIT_SIGNATURE_OFFSET + FIT_SIGNATURE.length,
            FIT_SIGNATURE,
            0,
            FIT_SIGNATURE.length);
  }

  private static Optional<FileFormat> xmlFormat(QName root) {
    return switch (root.getLocalPart()) {
      case "gpx" -> Optional.of(FileFormat.GPX);
      case "TrainingCenterDatabase" -> Optional.of(FileFormat.TCX);
      default -> Optional.empty();
    };
  }
}
