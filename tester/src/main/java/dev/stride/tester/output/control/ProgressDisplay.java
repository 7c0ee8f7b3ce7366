package dev.stride.tester.output.control;

import dev.stride.tester.measurement.control.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a run's progress: a bar redrawn in place with rate and ETA on a terminal, a plain line
 * every few seconds otherwise (a log, a pipe, a container).
 */
public final class ProgressDisplay implements AutoCloseable {

  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final Progress progress;
  private final String unit;
  private final boolean terminal;
  private final ScheduledExecutorService ticker;

  /** Shows {@code progress} of {@code unit} (e.g. "sessions") on {@code out}, a terminal or not. */
  public ProgressDisplay(PrintWriter out, Progress progress, String unit, boolean terminal) {
    this.out = out;
    this.progress = progress;
    this.unit = unit;
    this.terminal = terminal;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              var thread = new Thread(runnable, "progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = terminal ? 200 : 5000;
    ticker.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
  }

  private synchronized void show() {
    if (terminal) {
      out.print('\r' + bar());
    } else {
      out.println(line());
    }
    out.flush();
  }

  String bar() {
    long done = progress.done();
    long total = Math.max(1, progress.total());
    int filled = (int) (BAR_WIDTH * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%% %d/%d %s %.0f/s ETA %s ",
        "#".repeat(filled),
        "-".repeat(BAR_WIDTH - filled),
        100 * done / total,
        done,
        progress.total(),
        unit,
        progress.rate(),
        eta(progress.eta()));
  }

  String line() {
    long total = Math.max(1, progress.total());
    return String.format(
        Locale.ROOT,
        "progress: %d/%d %s (%d%%), %.0f %s/s, ETA %s",
        progress.done(),
        progress.total(),
        unit,
        100 * progress.done() / total,
        progress.rate(),
        unit,
        eta(progress.eta()));
  }

  private static String eta(Duration eta) {
    if (eta == null) {
      return "?";
    }
    long seconds = eta.toSeconds();
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (terminal) {
      out.println('\r' + bar());
      out.flush();
    }
  }
}
