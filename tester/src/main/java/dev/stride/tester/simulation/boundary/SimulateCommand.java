package dev.stride.tester.simulation.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.measurement.control.RunSummary;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.simulation.control.SessionGenerator;
import dev.stride.tester.simulation.control.Simulation;
import dev.stride.tester.simulation.entity.SimulationPlan;
import dev.stride.tester.statistics.control.StatisticsClient;
import dev.stride.tester.statistics.control.StatisticsCsv;
import dev.stride.tester.statistics.control.StatisticsVerification;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: sends the sessions of simulated users and verifies their statistics. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the sessions of simulated users from a seed (same seed, same sessions and ids),"
          + " sends them with concurrent workers, then checks every user's statistics against"
          + " what was sent.",
      "Writes sessions.csv, stats.csv, differences.csv and summary.csv to --out."
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "10",
      description = "Simulated users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--sessions-per-user",
      paramLabel = "N",
      defaultValue = "100",
      description = "Sessions of each user (default: ${DEFAULT-VALUE}).")
  int sessionsPerUser;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      defaultValue = "2026-01-01",
      description = "First day of the sessions, UTC (default: ${DEFAULT-VALUE}).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      defaultValue = "2026-07-01",
      description = "Day after the last day of the sessions, UTC (default: ${DEFAULT-VALUE}).")
  LocalDate to;

  @Option(
      names = "--no-verify",
      description = "Do not fetch and check the statistics after sending.")
  boolean noVerify;

  @Override
  public Integer call() throws Exception {
    common.validate(spec.commandLine());
    SimulationPlan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var output = new CsvOutput(common.out());
    Instant startedAt = Instant.now();

    try (var service = common.connect()) {
      Simulation.Outcome outcome;
      RunSummary summary;
      try (var sent = SessionsCsv.sent(output)) {
        var simulation =
            new Simulation(
                new SessionGenerator(plan),
                new SessionsClient(service),
                sent,
                common.concurrency(),
                common.batchSize());
        try (var display =
            new ProgressDisplay(out, simulation.progress(), System.console() != null)) {
          outcome = simulation.run();
        }
        summary =
            new RunSummary("simulate", startedAt, outcome.elapsed(), service.measurements())
                .with("users", plan.users())
                .withRate("sessions", outcome.sent())
                .with("created", outcome.created())
                .with("existing", outcome.existing())
                .with("rejected", outcome.rejected());
      }
      if (outcome.failure() != null) {
        finish(output, summary.with("verification", "not run"), out);
        throw outcome.failure();
      }
      ExitCode exitCode = ExitCode.OK;
      if (outcome.rejected() > 0) {
        err.println(
            "error: "
                + outcome.rejected()
                + " sessions were rejected, the first answer: "
                + outcome.firstRejection());
        exitCode = ExitCode.REQUEST_REJECTED;
      }
      if (noVerify) {
        summary.with("verification", "skipped");
      } else {
        var verification = verify(service, outcome, output, summary, out, err);
        if (!verification.passed() && exitCode == ExitCode.OK) {
          exitCode = ExitCode.STATISTICS_DIFFER;
        }
      }
      finish(output, summary, out);
      err.flush();
      return exitCode.code();
    }
  }

  private StatisticsVerification.Result verify(
      dev.stride.tester.service.control.ServiceClient service,
      Simulation.Outcome outcome,
      CsvOutput output,
      RunSummary summary,
      PrintWriter out,
      PrintWriter err) {
    StatisticsVerification.Result result;
    try {
      result =
          new StatisticsVerification(new StatisticsClient(service), common.concurrency())
              .verify(outcome.expected());
    } catch (RequestRejectedException e) {
      throw new RequestRejectedException(
          "statistics: " + e.getMessage() + " (--no-verify skips the statistics)", e.status());
    }
    var csv = new StatisticsCsv(output);
    csv.writeStatistics(result.reported());
    csv.writeDifferences(result.differences());
    summary
        .with("verification", result.passed() ? "passed" : "failed")
        .with("differences", result.differences().size());
    if (result.passed()) {
      out.println(
          "verification passed: the statistics of "
              + outcome.expected().size()
              + " users match the sessions sent");
    } else {
      err.println(
          "error: "
              + result.differences().size()
              + " statistics differ from the sessions sent (see "
              + StatisticsCsv.DIFFERENCES_FILE
              + "), e.g.:");
      result.differences().stream().limit(10).forEach(difference -> err.println("  " + difference));
    }
    return result;
  }

  private static void finish(CsvOutput output, RunSummary summary, PrintWriter out) {
    output.writeMetrics("summary.csv", summary.metrics());
    out.print(summary.text());
    out.println("files in " + output.folder().toAbsolutePath());
    out.flush();
  }

  private SimulationPlan plan() {
    try {
      var plan = new SimulationPlan(common.seed(), users, sessionsPerUser, from, to);
      Instant latestStart = to.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (latestStart.isAfter(Instant.now().plus(Duration.ofDays(1)))) {
        throw new IllegalArgumentException(
            "--to must not be more than a day ahead: the service refuses sessions that start"
                + " more than 24 hours in the future");
      }
      return plan;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
