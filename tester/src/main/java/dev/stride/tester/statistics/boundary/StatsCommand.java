package dev.stride.tester.statistics.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.TimestampConverter;
import dev.stride.tester.measurement.control.RunSummary;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.simulation.entity.SimulationPlan;
import dev.stride.tester.statistics.control.StatisticsClient;
import dev.stride.tester.statistics.control.StatisticsCsv;
import dev.stride.tester.statistics.control.StatisticsQuery;
import dev.stride.tester.statistics.entity.Bucket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stats}: fetches users' statistics, and optionally their series, into CSV. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the statistics of users into stats.csv (one row per user and activity plus a"
          + " 'total' row per user), and with --series their totals per day, week or month into"
          + " series.csv.",
      "Users are given as ids, read from a sessions CSV (--sessions), or are the users a"
          + " 'simulate --seed S --users N' made (--users N with the same --seed)."
    })
public final class StatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "USER_ID", arity = "0..*", description = "Users to fetch.")
  List<String> userIds = new ArrayList<>();

  @Option(
      names = "--sessions",
      paramLabel = "CSV",
      description = "Also every user of this CSV file (its userId column), e.g. sessions.csv.")
  Path sessionsCsv;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Also the N users that simulate made with the same --seed.")
  Integer simulatedUsers;

  @Option(
      names = "--series",
      paramLabel = "BUCKET",
      description = "Also fetch the series per ${COMPLETION-CANDIDATES}.")
  Bucket series;

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
      names = "--activity",
      paramLabel = "ACTIVITY",
      description = "Only these activities (repeatable).")
  List<Activity> activities = new ArrayList<>();

  @Option(
      names = "--tz",
      defaultValue = "UTC",
      description = "IANA time zone of the calendar days (default: ${DEFAULT-VALUE}).")
  String tz;

  @Override
  public Integer call() {
    common.validate(spec.commandLine());
    List<String> users = users();
    var output = new CsvOutput(common.out());
    var query = new StatisticsQuery(from, to, activities, tz);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    try (var service = common.connect()) {
      var statistics = new StatisticsClient(service);
      var csv = new StatisticsCsv(output);
      csv.writeStatistics(statistics.statisticsOf(users, query, common.concurrency()));
      if (series != null) {
        csv.writeSeries(statistics.seriesOf(users, series, query, common.concurrency()));
      }
      var summary =
          new RunSummary(
                  "stats",
                  startedAt,
                  Duration.ofNanos(System.nanoTime() - start),
                  service.measurements())
              .withRate("users", users.size());
      output.writeMetrics("summary.csv", summary.metrics());
      var out = spec.commandLine().getOut();
      out.print(summary.text());
      out.println(
          "statistics of "
              + users.size()
              + " users in "
              + output.folder().resolve(StatisticsCsv.STATS_FILE).toAbsolutePath()
              + (series == null ? "" : " and " + StatisticsCsv.SERIES_FILE));
      out.flush();
    }
    return ExitCode.OK.code();
  }

  private List<String> users() {
    var users = new LinkedHashSet<>(userIds);
    if (sessionsCsv != null) {
      users.addAll(SessionsCsv.userIdsIn(sessionsCsv));
    }
    if (simulatedUsers != null) {
      var plan =
          new SimulationPlan(
              common.seed(),
              Math.max(1, simulatedUsers),
              1,
              LocalDate.EPOCH,
              LocalDate.EPOCH.plusDays(1));
      for (int user = 0; user < simulatedUsers; user++) {
        users.add(plan.userId(user));
      }
    }
    if (users.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Name users: USER_ID..., --sessions CSV or --users N");
    }
    return List.copyOf(users);
  }
}
