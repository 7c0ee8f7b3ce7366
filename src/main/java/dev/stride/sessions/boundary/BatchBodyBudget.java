package dev.stride.sessions.boundary;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many bytes of batch bodies may be read at once ({@code STRIDE_BATCH_BODY_BUDGET_MIB}, default
 * 16 MiB): a batch waits for its share before its body is read, and a chunked one (no
 * Content-Length) reserves the largest size. Bodies are read as streams and keep little, but a
 * single string of megabytes is held whole by the JSON parser, so without a bound sixteen such
 * bodies within the 8 MiB limit would exhaust a small heap. A typical batch of 500 sessions is
 * about 110 KiB: a hundred of them fit at once.
 */
@ApplicationScoped
public class BatchBodyBudget {
  /** How long a batch waits for its share before it is answered 503. */
  private static final long WAIT_SECONDS = 30;

  @Inject
  @ConfigProperty(name = "stride.batch.body.budget.mib", defaultValue = "16")
  int budgetMib;

  private Semaphore kibibytes;

  @PostConstruct
  void create() {
    kibibytes =
        new Semaphore(
            Math.max(budgetMib, SessionBodyReader.MAX_BATCH_BODY_BYTES >> 20) << 10, true);
  }

  /** Waits until {@code bytes} may be read; 503 after 30 s. */
  void reserve(long bytes) {
    try {
      if (kibibytes.tryAcquire(kib(bytes), WAIT_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProblemException(
        Reason.BUSY,
        "too many batches are being received at once; nothing was stored, retry shortly");
  }

  void release(long bytes) {
    kibibytes.release(kib(bytes));
  }

  private static int kib(long bytes) {
    return (int) Math.max(1, (bytes + 1023) >> 10);
  }
}
