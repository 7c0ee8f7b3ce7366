package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ImportRow;
import dev.stride.tester.output.control.CsvOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The report of an import: a row a file, with what Stride answered for it. */
public final class ImportReport {

  /** The columns of the report, in their order. */
  public static final String[] HEADER = {
    "path", "format", "outcome", "status", "sessionId", "detail"
  };

  private ImportReport() {}

  /**
   * Writes the header and the rows; an absent status, id or detail is an empty cell. {@code out} is
   * flushed, not closed: it may be standard output.
   */
  public static void write(List<ImportRow> rows, Appendable out) {
    try {
      var csv = CsvOutput.format(HEADER).print(out);
      for (var row : rows) {
        csv.printRecord(
            row.file().path(),
            row.file().format().wireName(),
            row.outcome(),
            row.status() == 0 ? null : row.status(),
            row.sessionId(),
            row.detail());
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the import report: " + e.getMessage(), e);
    }
  }
}
