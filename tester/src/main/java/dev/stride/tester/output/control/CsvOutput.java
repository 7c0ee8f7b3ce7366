package dev.stride.tester.output.control;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Opens the CSV files of a run in its output folder. Values are written with {@code toString()} of
 * numbers and instants, which never depends on the locale.
 */
public final class CsvOutput {

  /** The format of every row: RFC 4180 (quotes only where needed, CRLF line ends). */
  public static final CSVFormat ROWS = CSVFormat.RFC4180;

  private final Path folder;

  public CsvOutput(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  public static CSVFormat format(String... header) {
    return ROWS.builder().setHeader(header).get();
  }

  /** Creates (or replaces) a CSV file and writes its header row. */
  public CSVPrinter create(String fileName, String... header) {
    try {
      Files.createDirectories(folder);
      var writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(folder.resolve(fileName)), StandardCharsets.UTF_8),
              1 << 16);
      return new CSVPrinter(writer, format(header));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + folder.resolve(fileName) + ": " + e.getMessage(), e);
    }
  }

  /** Creates (or replaces) a file for rows formatted elsewhere, buffered. */
  public OutputStream createStream(String fileName) {
    try {
      Files.createDirectories(folder);
      return new BufferedOutputStream(Files.newOutputStream(folder.resolve(fileName)), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + folder.resolve(fileName) + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code metric,value} rows. */
  public void writeMetrics(String fileName, Map<String, String> metrics) {
    try (var csv = create(fileName, "metric", "value")) {
      for (var metric : metrics.entrySet()) {
        csv.printRecord(metric.getKey(), metric.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + folder.resolve(fileName) + ": " + e.getMessage(), e);
    }
  }
}
