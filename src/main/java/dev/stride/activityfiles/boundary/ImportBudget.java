package dev.stride.activityfiles.boundary;

import dev.stride.activityfiles.control.ActivityFileReader;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many bytes of files a backend reads at once. An import holds its whole file, and reading one
 * takes several times its size (jpx keeps a DOM of every point's extensions): four 15 MB GPX files
 * at once filled the 192 MiB heap of payara/launch.sh and left it collecting garbage for minutes.
 * Each import reserves its Content-Length (a body without one, or gzipped, the most a file may be)
 * before it reads a byte; past the budget an import waits up to {@value #WAIT_SECONDS} s, then gets
 * 503 with Retry-After. Small files pass side by side; a file of the largest size goes alone.
 */
@ApplicationScoped
public class ImportBudget {
  static final int WAIT_SECONDS = 20;
  private static final int KIB = 1024;

  @Inject
  @ConfigProperty(name = "stride.import.budget.mib", defaultValue = "16")
  int budgetMib;

  private Semaphore kibibytes;
  private int maxPermits;

  @PostConstruct
  void start() {
    maxPermits = Math.max(1, budgetMib) * KIB;
    kibibytes = new Semaphore(maxPermits, true); // fair: a large file is not passed by small ones
  }

  /** A reservation, released when the import is done. */
  public interface Reservation extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Reserves room for a file of {@code length} bytes ({@code null}, or a gzipped body: the most a
   * file may be once decompressed).
   *
   * @throws ProblemException 503 when the room does not come in time
   */
  Reservation reserve(Long length, boolean gzipped) {
    long bytes = length == null || gzipped ? ActivityFileReader.MAX_FILE_BYTES : length;
    int permits = (int) Math.min(maxPermits, Math.max(1, (bytes + KIB - 1) / KIB));
    try {
      if (!kibibytes.tryAcquire(permits, WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new ProblemException(
            Reason.BUSY, "Other files are being imported; send this one again in a moment.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(Reason.BUSY, "The server is stopping; send the file again.");
    }
    return () -> kibibytes.release(permits);
  }
}
