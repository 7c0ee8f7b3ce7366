package dev.stride.tester;

import dev.stride.tester.activityfiles.boundary.GenerateFilesCommand;
import dev.stride.tester.activityfiles.boundary.ImportCommand;
import dev.stride.tester.bench.boundary.BenchSinkCommand;
import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.service.control.ServiceUnreachableException;
import dev.stride.tester.service.control.TokenRefusedException;
import dev.stride.tester.sessions.boundary.ExportCommand;
import dev.stride.tester.simulation.boundary.SimulateCommand;
import dev.stride.tester.statistics.boundary.StatsCommand;
import dev.stride.tester.sync.boundary.SyncCommand;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The tester's command line: fills Stride with simulated users, checks it, measures it. */
@Command(
    name = "stride-tester",
    mixinStandardHelpOptions = true,
    version = "stride-tester 1.0.0",
    description =
        "Simulates users who record exercise sessions in Stride, verifies the statistics Stride"
            + " computes from them, exports sessions and statistics to CSV and keeps a CSV copy of"
            + " a user's sessions in sync; generates activity files and imports them.",
    subcommands = {
      SimulateCommand.class,
      StatsCommand.class,
      ExportCommand.class,
      SyncCommand.class,
      ImportCommand.class,
      GenerateFilesCommand.class,
      BenchSinkCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Tester implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: simulate, stats, export, sync, import or generate-files");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, with this process's environment. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The configured command line, also what the tests run, with their own environment. */
  public static CommandLine commandLine(Map<String, String> environment) {
    var commandLine = new CommandLine(new Tester());
    commandLine.setDefaultValueProvider(CommonOptions.defaultsFrom(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setExecutionExceptionHandler(Tester::failed);
    documentExitCodes(commandLine);
    return commandLine;
  }

  private static void documentExitCodes(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    commandLine.getSubcommands().values().forEach(Tester::documentExitCodes);
  }

  /** One line on standard error, no stack trace, and the exit code of the failure. */
  private static int failed(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    ExitCode exitCode;
    if (exception instanceof TokenRefusedException) {
      exitCode = ExitCode.TOKEN_REFUSED;
    } else if (exception instanceof ServiceUnreachableException) {
      exitCode = ExitCode.SERVICE_UNREACHABLE;
    } else if (exception instanceof RequestRejectedException) {
      exitCode = ExitCode.REQUEST_REJECTED;
    } else if (exception instanceof ServiceFailedException) {
      exitCode = ExitCode.SERVICE_FAILED;
    } else if (exception instanceof UncheckedIOException
        || exception instanceof java.io.IOException) {
      exitCode = ExitCode.FILE_ERROR;
    } else {
      exitCode = ExitCode.INTERNAL_ERROR;
    }
    String message = exception.getMessage();
    if (exitCode == ExitCode.INTERNAL_ERROR || message == null) {
      message = "internal error: " + exception;
    }
    commandLine.getErr().println("error: " + message.replaceAll("\\s+", " ").strip());
    commandLine.getErr().flush();
    return exitCode.code();
  }
}
