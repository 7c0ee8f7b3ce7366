package dev.stride.tester.sync.control;

import dev.stride.tester.output.control.AtomicFile;
import dev.stride.tester.sync.entity.FeedPosition;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The position of a copy, as one line of JSON in {@code FILE.position} next to the copy. */
public final class PositionFile {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private final Path file;

  /** The position file of the copy in {@code copy}. */
  public PositionFile(Path copy) {
    this.file = copy.resolveSibling(copy.getFileName() + ".position");
  }

  public Path file() {
    return file;
  }

  /** The stored position, or none when there is no file yet. */
  public Optional<FeedPosition> read() {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      var position = JSONB.fromJson(json, FeedPosition.class);
      if (position == null || position.next() == null || position.next().isBlank()) {
        throw new JsonbException("no next");
      }
      return Optional.of(position);
    } catch (JsonbException e) {
      throw new UncheckedIOException(
          "cannot read "
              + file
              + ": not a position (delete it to list everything again): "
              + e.getMessage(),
          new IOException(e));
    }
  }

  /** Replaces the stored position in one step. */
  public void write(FeedPosition position) {
    byte[] json = (JSONB.toJson(position) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFile.replace(
        file,
        out -> {
          out.write(json);
          return null;
        });
  }
}
