package dev.stride.tester.sessions.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.TimestampConverter;
import dev.stride.tester.measurement.control.RunSummary;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.sessions.control.SessionsExport;
import dev.stride.tester.sessions.control.SessionsQuery;
import dev.stride.tester.sessions.entity.Activity;
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

/** {@code export}: pages through the stored sessions, following the cursors, into CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Pages through GET /sessions (oldest first, --batch-size sessions a page, following"
          + " nextCursor) and writes every matching session to export.csv.",
      "With several --user, their sessions are fetched --concurrency users at a time."
    })
public final class ExportCommand implements Callable<Integer> {

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

  @Override
  public Integer call() {
    common.validate(spec.commandLine());
    var output = new CsvOutput(common.out());
    var query = new SessionsQuery(null, activities, from, to);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    try (var service = common.connect();
        var csv = SessionsCsv.exported(output)) {
      var export =
          new SessionsExport(
              new SessionsClient(service), csv, common.batchSize(), common.concurrency());
      long exported = export.export(query, users);
      var summary =
          new RunSummary(
                  "export",
                  startedAt,
                  Duration.ofNanos(System.nanoTime() - start),
                  service.measurements())
              .withRate("sessions", exported);
      output.writeMetrics("summary.csv", summary.metrics());
      var out = spec.commandLine().getOut();
      out.print(summary.text());
      out.println(
          "exported "
              + exported
              + " sessions to "
              + output.folder().resolve(SessionsCsv.EXPORT_FILE).toAbsolutePath());
      out.flush();
    }
    return ExitCode.OK.code();
  }
}
