package dev.stride.tester.sync.boundary;

import dev.stride.tester.CommonOptions;
import dev.stride.tester.ExitCode;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sync.control.Synchronisation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sync}: a local CSV copy of a user's sessions, brought up to date by the changes feed. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps FILE a copy of the user's sessions, in the columns of the CSV export and sorted by"
          + " startedAt, then id: byte for byte what `export --order asc` of that user writes.",
      "The first run (no FILE.position yet) takes the position \"now\" of GET /sessions/changes,"
          + " lists everything through the CSV export and follows the feed from that position."
          + " Later runs follow the feed from FILE.position (--batch-size changes a page) until"
          + " there are no more, apply upserts and deletes, and replace FILE, then FILE.position,"
          + " each in one step. A position that is too old (410) lists everything again.",
      "Prints one line: the changes applied and the sessions now in FILE."
    })
public final class SyncCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The CSV copy; its position is kept in FILE.position next to it.")
  Path file;

  @Option(
      names = "--user",
      paramLabel = "USER_ID",
      description =
          "Whose sessions (default: those GET /sessions lists for the token without a userId: its"
              + " own user's, or everybody's for an admin token).")
  String user;

  @Override
  public Integer call() {
    common.validate(spec.commandLine());
    Synchronisation.Result result;
    try (var service = common.connect()) {
      var err = spec.commandLine().getErr();
      var sync =
          new Synchronisation(
              new SessionsClient(service),
              common.batchSize(),
              notice -> {
                err.println(notice);
                err.flush();
              });
      result = sync.sync(file, user);
    } catch (Synchronisation.OtherCopyException e) {
      throw new ParameterException(
          spec.commandLine(), e.getMessage() + ": give --user as before, or another FILE");
    }
    var out = spec.commandLine().getOut();
    out.println(summary(result, file));
    out.flush();
    return ExitCode.OK.code();
  }

  static String summary(Synchronisation.Result result, Path file) {
    return String.format(
        Locale.ROOT,
        "sync: %s%,d upserts, %,d deletes, %,d sessions in %s",
        result.listed() ? "listed everything, then " : "",
        result.upserts(),
        result.deletes(),
        result.sessions(),
        file);
  }
}
