package dev.stride.tester.activityfiles.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.access.control.TokensClient;
import dev.stride.tester.activityfiles.control.ActivityFileWalk;
import dev.stride.tester.activityfiles.control.FileImport;
import dev.stride.tester.activityfiles.control.FileImports;
import dev.stride.tester.activityfiles.control.ImportReport;
import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.activityfiles.entity.ImportOutcome;
import dev.stride.tester.output.control.AtomicFile;
import dev.stride.tester.output.control.ProgressDisplay;
import dev.stride.tester.sessions.entity.Activity;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: sends activity files to Stride, one session a file, and reports each. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports activity files through POST /sessions/import: each FILE, and every *.gpx, *.tcx"
          + " and *.fit (also gzipped, *.gpx.gz …) below each DIR, in the order of their paths,"
          + " --concurrency at a time, each with the Content-Type of its extension.",
      "Writes a CSV report, a row a file: path, format, outcome (created, existing, rejected,"
          + " failed), status, sessionId and the detail of a refusal; then one summary line."
          + " Exits 0 only when every file was created or existing: 4 when Stride rejected some, 5"
          + " when it failed on some, 6 when some could not be read; a service that cannot be"
          + " reached (3) or refuses the token (7) stops the import, the files not sent are"
          + " reported as failed."
    })
public final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description = "Activity files, and folders to look for them in.")
  List<Path> paths;

  @Option(
      names = "--user",
      paramLabel = "USER_ID",
      description =
          "Whose sessions the files become (default: the token's own user, as GET /me names it).")
  String user;

  @Option(
      names = "--activity",
      paramLabel = "ACTIVITY",
      description =
          "The sessions' activity instead of the files' sports: ${COMPLETION-CANDIDATES}.")
  Activity activity;

  @Option(
      names = "--notes",
      paramLabel = "TEXT",
      description = "The sessions' notes instead of the tracks' names.")
  String notes;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the report to FILE (replaced in one step) and the summary to standard output"
              + " (default: the report to standard output, the summary to standard error).")
  Path report;

  @Override
  public Integer call() {
    common.validate(spec.commandLine());
    List<ActivityFile> files;
    try {
      files = ActivityFileWalk.find(paths);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FileImport.Result result;
    try (var service = common.connect()) {
      String userId = user != null ? user : new TokensClient(service.measuredApart()).me().userId();
      var requests = files.stream().map(file -> new FileImport.Request(file, userId)).toList();
      var run =
          new FileImport(
              new FileImports(any -> service), requests, activity, notes, common.concurrency());
      try (var display =
          new ProgressDisplay(err, run.progress(), "files", System.console() != null)) {
        result = run.run();
      }
    }
    writeReport(result);
    PrintWriter summaryTo = report == null ? err : out;
    summaryTo.println(summary(result));
    result.rejections().ifPresent(rejections -> err.println("error: " + rejections));
    out.flush();
    err.flush();
    if (result.stop() != null) {
      throw result.stop();
    }
    return exitCodeOf(result).code();
  }

  private void writeReport(FileImport.Result result) {
    if (report == null) {
      ImportReport.write(result.rows(), spec.commandLine().getOut());
      return;
    }
    AtomicFile.replace(
        report,
        stream -> {
          var writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          ImportReport.write(result.rows(), writer);
          writer.flush();
          return null;
        });
  }

  /**
   * Failures of the service outrank files of ours that could not be read, which outrank 4xx; also
   * the exit code of {@code simulate --files}.
   */
  public static ExitCode exitCodeOf(FileImport.Result result) {
    long failed = result.count(ImportOutcome.FAILED);
    if (failed > result.unreadableFiles()) {
      return ExitCode.SERVICE_FAILED;
    }
    if (result.unreadableFiles() > 0) {
      return ExitCode.FILE_ERROR;
    }
    if (result.count(ImportOutcome.REJECTED) > 0) {
      return ExitCode.REQUEST_REJECTED;
    }
    return ExitCode.OK;
  }

  static String summary(FileImport.Result result) {
    double seconds = Math.max(result.elapsed().toNanos(), 1) / 1e9;
    return String.format(
        Locale.ROOT,
        "import: %d files, %d created, %d existing, %d rejected, %d failed in %.1f s (%.1f files/s)",
        result.rows().size(),
        result.count(ImportOutcome.CREATED),
        result.count(ImportOutcome.EXISTING),
        result.count(ImportOutcome.REJECTED),
        result.count(ImportOutcome.FAILED),
        seconds,
        result.rows().size() / seconds);
  }
}
