package dev.stride.operations.control;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The filter of one of the container's loggers ({@link ClientMistakes#CONTAINER_LOGGERS}): a
 * warning that shows a client's mistake is reported in its stead and dropped; every other record
 * goes on to the filter that the logger had, as it came. A mistake shows in the exception of the
 * record ({@link ClientMistake#of}), in the stack trace that Catalina's own logger prints into the
 * message ({@link ClientMistake#ofPrinted}), or, for Grizzly's refusal of a request with both
 * Content-Length and Transfer-Encoding, in its message alone.
 */
final class ClientMistakeLogFilter implements Filter {
  /** Grizzly's message (HttpServerFilter), logged SEVERE without an exception. */
  static final String BOTH_LENGTHS =
      "Can't use both headers Content-Length and Transfer-Encoding from the same request";

  private final Filter previous;
  private final BiConsumer<ClientMistake, String> report;

  /**
   * @param previous the logger's filter until now, or null
   * @param report where a mistake goes, with what the container said about it (or null)
   */
  ClientMistakeLogFilter(Filter previous, BiConsumer<ClientMistake, String> report) {
    this.previous = previous;
    this.report = report;
  }

  Filter previous() {
    return previous;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      Optional<ClientMistake> mistake = mistakeIn(record);
      if (mistake.isPresent()) {
        report.accept(mistake.get(), detailOf(record));
        return false;
      }
    }
    return previous == null || previous.isLoggable(record);
  }

  private static Optional<ClientMistake> mistakeIn(LogRecord record) {
    if (record.getThrown() != null) {
      return ClientMistake.of(record.getThrown());
    }
    if (BOTH_LENGTHS.equals(record.getMessage())) {
      return Optional.of(ClientMistake.BAD_FRAMING);
    }
    return ClientMistake.ofPrinted(record.getMessage());
  }

  private static String detailOf(LogRecord record) {
    if (record.getThrown() != null) {
      return ClientMistake.detailOf(record.getThrown());
    }
    return BOTH_LENGTHS.equals(record.getMessage())
        ? "both Content-Length and Transfer-Encoding"
        : null;
  }
}
