package dev.stride.tester.simulation.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.access.control.TokensClient;
import dev.stride.tester.access.control.UserTokens;
import dev.stride.tester.access.entity.Caller;
import dev.stride.tester.activityfiles.boundary.ImportCommand;
import dev.stride.tester.activityfiles.control.FileGenerator;
import dev.stride.tester.activityfiles.control.FileImport;
import dev.stride.tester.activityfiles.control.FileImports;
import dev.stride.tester.activityfiles.control.ImportReport;
import dev.stride.tester.activityfiles.control.SimulatedFiles;
import dev.stride.tester.activityfiles.entity.FileMix;
import dev.stride.tester.activityfiles.entity.ImportOutcome;
import dev.stride.tester.measurement.control.RunSummary;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.output.control.ProgressDisplay;
import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.simulation.control.SessionGenerator;
import dev.stride.tester.simulation.control.Simulation;
import dev.stride.tester.simulation.entity.SimulationPlan;
import dev.stride.tester.statistics.control.StatisticsClient;
import dev.stride.tester.statistics.control.StatisticsCsv;
import dev.stride.tester.statistics.control.StatisticsVerification;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
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
      "Writes sessions.csv, stats.csv, differences.csv and summary.csv to --out.",
      "--files imports generated activity files instead (POST /sessions/import): a file for"
          + " each of the sessions, --format gpx, tcx, fit or mixed, written to --out/files"
          + " before the measurement starts; imports.csv then holds a row a file. Its statistics"
          + " are not verified.",
      "With an admin token each simulated user's requests go with a token of their own, minted"
          + " for the run and deleted at its end (see --[no-]user-tokens). A token without admin"
          + " acts for its own user only: simulate then sends as that one user."
    })
public final class SimulateCommand implements Callable<Integer> {

  private static final String USERS_OPTION = "--users";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = USERS_OPTION,
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Simulated users (default: ${DEFAULT-VALUE}). With a token without admin the one user"
              + " is the token's own, and N, if given, must be 1.")
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

  @Option(
      names = "--user-tokens",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "With an admin token: mint a read+write token for each simulated user, named 'tester"
              + " RUN_ID USER_ID', send the user's requests with it, so that Stride applies its"
              + " per-user rules, and delete the tokens at the end, also when the run fails"
              + " (default). --no-user-tokens sends everything with the given token as it is,"
              + " for the users the plan names, without asking who it is (GET /api/me).")
  boolean userTokens;

  @Option(
      names = "--files",
      description =
          "Import a generated activity file for each session instead of sending JSON: files of"
              + " --file-duration seconds, one point a second, --concurrency imports at a time.")
  boolean files;

  @Option(
      names = "--format",
      paramLabel = "gpx|tcx|fit|mixed",
      defaultValue = "mixed",
      description = "--files: the files' format, or the three in turn (default: ${DEFAULT-VALUE}).")
  FileMix fileMix;

  @Option(
      names = "--file-duration",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "--files: the length of each file's track (default: ${DEFAULT-VALUE}).")
  int fileDurationSeconds;

  /** The folder in --out that --files writes the files into, a folder a user. */
  static final String FILES_FOLDER = "files";

  /** The report of --files in --out: a row a file, as {@code import} writes it. */
  static final String IMPORTS_FILE = "imports.csv";

  @Override
  public Integer call() throws Exception {
    common.validate(spec.commandLine());
    SimulationPlan plan = plan();
    FileGenerator fileGenerator = files ? fileGenerator(plan) : null;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var output = new CsvOutput(common.out());
    Instant startedAt = Instant.now();
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    try (var service = common.connect();
        var tokens = new UserTokens(service, runId, common.concurrency(), err)) {
      // --no-user-tokens sends everything with the given token as it is: no /api/me either, so a
      // service without it (the original design, which the benchmark loads alike) works too.
      if (userTokens) {
        plan = sendingAs(new TokensClient(service.measuredApart()).me(), plan, tokens);
      }
      if (files) {
        return importFiles(plan, fileGenerator, service, tokens, output, runId, out, err);
      }
      Simulation.Outcome outcome;
      RunSummary summary;
      try (var sent = SessionsCsv.sent(output)) {
        var simulation =
            new Simulation(
                new SessionGenerator(plan),
                new SessionsClient(tokens::serviceOf),
                sent,
                common.concurrency(),
                common.batchSize());
        try (var display =
            new ProgressDisplay(out, simulation.progress(), "sessions", System.console() != null)) {
          outcome = simulation.run();
        }
        summary =
            new RunSummary("simulate", startedAt, outcome.elapsed(), service.measurements())
                .with("runId", runId)
                .with("users", plan.users())
                .with("userTokens", tokens.count())
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
        var verification =
            verify(new StatisticsClient(tokens::serviceOf), outcome, output, summary, out, err);
        if (!verification.passed() && exitCode == ExitCode.OK) {
          exitCode = ExitCode.STATISTICS_DIFFER;
        }
      }
      finish(output, summary, out);
      err.flush();
      return exitCode.code();
    }
  }

  /**
   * Who sends the plan's sessions. With admin, every simulated user, each with a token minted for
   * them unless --no-user-tokens. Without, only the token's own user may be sent as, so the plan
   * becomes that one user; asking for more users is refused rather than quietly cut down.
   */
  private SimulationPlan sendingAs(Caller caller, SimulationPlan plan, UserTokens tokens) {
    if (caller.admin()) {
      if (userTokens) {
        tokens.mintFor(plan.userIds());
      }
      return plan;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption(USERS_OPTION) && users != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "the token acts for user "
              + caller.userId()
              + " only (it has no admin scope), so simulate sends as that one user: leave out "
              + USERS_OPTION
              + " or give 1, or simulate "
              + users
              + " users with an admin token");
    }
    return plan.forRealUser(caller.userId());
  }

  private StatisticsVerification.Result verify(
      StatisticsClient statistics,
      Simulation.Outcome outcome,
      CsvOutput output,
      RunSummary summary,
      PrintWriter out,
      PrintWriter err) {
    StatisticsVerification.Result result;
    try {
      result =
          new StatisticsVerification(statistics, common.concurrency()).verify(outcome.expected());
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

  /**
   * --files: writes the plan's files, then imports them while the service's answers are measured
   * (the writing is not), and reports imports/s and latencies like the JSON modes.
   */
  private int importFiles(
      SimulationPlan plan,
      FileGenerator generator,
      ServiceClient service,
      UserTokens tokens,
      CsvOutput output,
      String runId,
      PrintWriter out,
      PrintWriter err) {
    long writing = System.nanoTime();
    var requests = SimulatedFiles.write(plan, generator, output.folder().resolve(FILES_FOLDER));
    out.printf(
        java.util.Locale.ROOT,
        "wrote %d %s files in %.1f s; importing them%n",
        requests.size(),
        fileMix,
        (System.nanoTime() - writing) / 1e9);
    out.flush();
    Instant startedAt = Instant.now();
    var run =
        new FileImport(
            new FileImports(tokens::serviceOf), requests, null, null, common.concurrency());
    FileImport.Result result;
    try (var display =
        new ProgressDisplay(out, run.progress(), "files", System.console() != null)) {
      result = run.run();
    }
    try (var writer =
        new OutputStreamWriter(output.createStream(IMPORTS_FILE), StandardCharsets.UTF_8)) {
      ImportReport.write(result.rows(), writer);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + output.folder().resolve(IMPORTS_FILE) + ": " + e.getMessage(), e);
    }
    var summary =
        new RunSummary("simulate", startedAt, result.elapsed(), service.measurements())
            .with("runId", runId)
            .with("users", plan.users())
            .with("userTokens", tokens.count())
            .with("files", fileMix)
            .with("pointsPerFile", fileDurationSeconds)
            .withRate("imports", result.rows().size())
            .with("created", result.count(ImportOutcome.CREATED))
            .with("existing", result.count(ImportOutcome.EXISTING))
            .with("rejected", result.count(ImportOutcome.REJECTED))
            .with("failed", result.count(ImportOutcome.FAILED))
            // TODO [files verification] expect the statistics of the files as Stride derives them
            .with("verification", "skipped (--files)");
    finish(output, summary, out);
    result.rejections().ifPresent(rejections -> err.println("error: " + rejections));
    err.flush();
    if (result.stop() != null) {
      throw result.stop();
    }
    return ImportCommand.exitCodeOf(result).code();
  }

  /** The generator of --files, checked before anything is sent. */
  private FileGenerator fileGenerator(SimulationPlan plan) {
    if (fileDurationSeconds < 2 || fileDurationSeconds > 86_400) {
      throw new ParameterException(spec.commandLine(), "--file-duration must be 2..86400 seconds");
    }
    var generator =
        new FileGenerator(common.seed(), fileMix, Duration.ofSeconds(fileDurationSeconds), false);
    if (SimulatedFiles.lastStart(plan, generator).isAfter(Instant.now().plus(Duration.ofDays(1)))) {
      throw new ParameterException(
          spec.commandLine(),
          "--files: the last of "
              + plan.sessions()
              + " files would start more than a day ahead, which the service refuses: give an"
              + " earlier --from, fewer sessions or a shorter --file-duration");
    }
    return generator;
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
