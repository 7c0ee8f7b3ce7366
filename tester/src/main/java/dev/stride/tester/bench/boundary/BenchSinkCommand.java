package dev.stride.tester.bench.boundary;

import dev.stride.tester.Tester;
import dev.stride.tester.bench.control.SessionSink;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench-sink}: starts a sink on 127.0.0.1 that answers at once and runs {@code simulate}
 * against it in the same JVM, to measure the tester's own sessions per second. With {@code --serve}
 * it only serves, for a simulate run from another process.
 */
@Command(
    name = "bench-sink",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Measures the tester itself: runs 'simulate SIMULATE_OPTION...' (always --no-verify"
          + " --no-user-tokens)"
          + " against a sink on 127.0.0.1 that answers at once, stores nothing and takes any"
          + " token.",
      "Example: bench-sink -- --users 1000 --sessions-per-user 1000 --batch-size 500"
    })
public final class BenchSinkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "0", description = "Port (default: any free one).")
  int port;

  @Option(names = "--serve", description = "Only serve, until the process is stopped.")
  boolean serve;

  @Parameters(paramLabel = "SIMULATE_OPTION", arity = "0..*", description = "Options of simulate.")
  List<String> simulateOptions = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (var sink = new SessionSink(port)) {
      if (serve) {
        out.println(
            "sink listening on "
                + sink.baseUrl()
                + " (it takes any token; simulate it with --no-user-tokens)");
        out.flush();
        new CountDownLatch(1).await();
      }
      var arguments = new ArrayList<String>();
      // before the options given, so that a --token among them is sent as it is
      arguments.addAll(List.of("simulate", "--token", SessionSink.TOKEN));
      arguments.addAll(simulateOptions);
      // one token for all, as given: the bench measures sending, not minting tokens
      arguments.addAll(
          List.of("--no-verify", "--no-user-tokens", "--base-url", sink.baseUrl().toString()));
      var simulate = Tester.commandLine();
      simulate.setOut(out);
      simulate.setErr(spec.commandLine().getErr());
      long start = System.nanoTime();
      int exitCode = simulate.execute(arguments.toArray(String[]::new));
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println(
          String.format(
              Locale.ROOT,
              "bench: the sink received %d sessions in %d requests; %.0f sessions/s over the"
                  + " whole command (%.2f s, JVM warm-up and CSV included)",
              sink.sessions(),
              sink.requests(),
              sink.sessions() / seconds,
              seconds));
      out.flush();
      return exitCode;
    }
  }
}
