package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.activityfiles.entity.ImportOutcome;
import dev.stride.tester.activityfiles.entity.ImportRow;
import dev.stride.tester.measurement.control.Progress;
import dev.stride.tester.service.control.InParallel;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.service.control.ServiceUnreachableException;
import dev.stride.tester.service.control.TokenRefusedException;
import dev.stride.tester.sessions.entity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Imports files side by side, {@code concurrency} at a time, and gives every file a row: Stride's
 * answer, or why there was none. A file Stride refuses or fails on does not stop the others; a
 * service that cannot be reached or refuses the token does, since every file after would fail
 * alike: the files not sent yet are rows saying so, and the run hands back what stopped it.
 */
public final class FileImport {

  /** One file to import as one user's. */
  public record Request(ActivityFile file, String userId) {}

  /**
   * The rows in the order of the requests; {@code stop}, when set, ended the run early; {@code
   * unreadableFiles} failed here, before anything was sent.
   */
  public record Result(
      List<ImportRow> rows, RuntimeException stop, long unreadableFiles, Duration elapsed) {

    public long count(ImportOutcome outcome) {
      return rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    /** How many files Stride rejected and why it rejected the first, if it rejected any. */
    public Optional<String> rejections() {
      return rows.stream()
          .filter(row -> row.outcome() == ImportOutcome.REJECTED)
          .findFirst()
          .map(
              first ->
                  count(ImportOutcome.REJECTED)
                      + " files were rejected, the first: "
                      + first.file().path()
                      + ": "
                      + first.status()
                      + " "
                      + first.detail());
    }
  }

  private final FileImports imports;
  private final List<Request> requests;
  private final Activity activity;
  private final String notes;
  private final int concurrency;
  private final Progress progress;
  private final AtomicReference<RuntimeException> stop = new AtomicReference<>();
  private final LongAdder unreadable = new LongAdder();

  /** {@code activity} and {@code notes}, when not {@code null}, replace the files' own. */
  public FileImport(
      FileImports imports,
      List<Request> requests,
      Activity activity,
      String notes,
      int concurrency) {
    this.imports = imports;
    this.requests = List.copyOf(requests);
    this.activity = activity;
    this.notes = notes;
    this.concurrency = concurrency;
    this.progress = new Progress(requests.size());
  }

  public Progress progress() {
    return progress;
  }

  public Result run() {
    List<ImportRow> rows = InParallel.map(requests, this::send, concurrency);
    return new Result(rows, stop.get(), unreadable.sum(), progress.elapsed());
  }

  private ImportRow send(Request request) {
    try {
      RuntimeException stopped = stop.get();
      if (stopped != null) {
        return ImportRow.notAnswered(request.file(), "not sent: " + stopped.getMessage());
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(request.file().path());
      } catch (IOException e) {
        unreadable.increment();
        return ImportRow.notAnswered(request.file(), "cannot read the file: " + e.getMessage());
      }
      try {
        return imports.send(request.file(), bytes, request.userId(), activity, notes);
      } catch (ServiceFailedException e) {
        return new ImportRow(
            request.file(), ImportOutcome.FAILED, e.status(), null, e.getMessage());
      } catch (ServiceUnreachableException | TokenRefusedException e) {
        stop.compareAndSet(null, e);
        return ImportRow.notAnswered(request.file(), e.getMessage());
      }
    } finally {
      progress.advance(1);
    }
  }
}
