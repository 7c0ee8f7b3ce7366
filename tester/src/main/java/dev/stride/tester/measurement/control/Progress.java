package dev.stride.tester.measurement.control;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** How far a run is: items (sessions, files) answered so far out of all, rate and time left. */
public final class Progress {

  private final long total;
  private final LongAdder done = new LongAdder();
  private final long startNanos = System.nanoTime();

  public Progress(long total) {
    this.total = total;
  }

  public void advance(int items) {
    done.add(items);
  }

  public long total() {
    return total;
  }

  public long done() {
    return done.sum();
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Items per second so far. */
  public double rate() {
    double seconds = elapsed().toNanos() / 1e9;
    return seconds <= 0 ? 0 : done() / seconds;
  }

  /** The time left at the current rate, or {@code null} before the first answer. */
  public Duration eta() {
    double rate = rate();
    if (rate <= 0) {
      return null;
    }
    return Duration.ofMillis((long) ((total - done()) / rate * 1000));
  }
}
