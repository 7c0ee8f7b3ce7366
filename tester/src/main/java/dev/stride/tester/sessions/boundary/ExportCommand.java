package dev.stride.tester.sessions.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.TimestampConverter;
import dev.stride.tester.measurement.control.RunSummary;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.control.ExportCheck;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsExport;
import dev.stride.tester.sessions.control.SessionsQuery;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: Stride's CSV export of the matching sessions, streamed into export.csv. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Streams GET /sessions with Accept: text/csv (Stride's CSV export, the same filters and"
          + " order as the JSON list, no paging) into export.csv in --out, byte for byte; the file"
          + " is replaced only once the whole export has arrived.",
      "With several --user, their exports follow one another under one header row.",
      "--check then pages through the JSON list with the same filters and order (--batch-size"
          + " sessions a page) and compares the count and every row; a difference exits with 8."
    })
public final class ExportCommand implements Callable<Integer> {

  /** The file an export writes in {@code --out}. */
  public static final String EXPORT_FILE = "export.csv";

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--user", paramLabel = "USER_ID", description = "Only this user (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--activity",
      paramLabel = "ACTIVITY",
      description = "Only these activities (repeatable).")
  List<Activity> activities = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = TimestampConverter.class,
      description = "Only sessions started at or after this date or RFC 3339 date-time.")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = TimestampConverter.class,
      description = "Only sessions started before this date or RFC 3339 date-time.")
  Instant to;

  @Option(
      names = "--order",
      paramLabel = "asc|desc",
      defaultValue = "asc",
      description =
          "By startedAt, ties by id: asc (oldest first) or desc (default: ${DEFAULT-VALUE}).")
  Order order;

  @Option(
      names = "--check",
      description =
          "Afterwards compare the file with the pages of the JSON list (while nobody writes to"
              + " these sessions).")
  boolean check;

  @Override
  public Integer call() {
    common.validate(spec.commandLine());
    var output = new CsvOutput(common.out());
    var file = output.folder().resolve(EXPORT_FILE);
    var query = new SessionsQuery(null, activities, from, to, order);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    ExitCode exitCode = ExitCode.OK;
    try (var service = common.connect()) {
      var sessions = new SessionsClient(service);
      long exported = new SessionsExport(sessions).export(query, users, file);
      var out = spec.commandLine().getOut();
      out.println("exported " + exported + " sessions to " + file.toAbsolutePath());
      ExportCheck.Result checked = null;
      if (check) {
        checked = new ExportCheck(sessions, common.batchSize()).check(file, query, users);
        if (!checked.passed()) {
          exitCode = ExitCode.EXPORT_DIFFERS;
          report(checked);
        } else {
          out.println(
              "check passed: the CSV export holds the "
                  + checked.sessions()
                  + " sessions of the JSON pages, in their order, with their values");
        }
      }
      var summary =
          new RunSummary(
                  "export",
                  startedAt,
                  Duration.ofNanos(System.nanoTime() - start),
                  service.measurements())
              .withRate("sessions", exported);
      if (checked != null) {
        summary
            .with("check", checked.passed() ? "passed" : "failed")
            .with("differences", checked.differenceCount());
      }
      output.writeMetrics("summary.csv", summary.metrics());
      out.print(summary.text());
      out.flush();
    }
    return exitCode.code();
  }

  private void report(ExportCheck.Result checked) {
    var err = spec.commandLine().getErr();
    err.println(
        "error: export --check: the CSV export differs from the JSON pages: "
            + checked.rows()
            + " rows in the CSV, "
            + checked.sessions()
            + " sessions in the pages, "
            + checked.differenceCount()
            + " rows differ, e.g.:");
    checked.differences().forEach(difference -> err.println("  " + difference));
    err.flush();
  }
}
