package dev.stride.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientMistakeLogFilterTest {
  private final List<String> reports = new ArrayList<>();
  private final List<LogRecord> askedBefore = new ArrayList<>();

  /** A filter whose logger had a filter already, which lets everything through. */
  private final ClientMistakeLogFilter filter =
      new ClientMistakeLogFilter(
          record -> askedBefore.add(record),
          (kind, detail) -> reports.add(kind.label() + (detail == null ? "" : ": " + detail)));

  @Test
  void jerseysTraceOfAnAnswerToAGoneClientBecomesOneReport() {
    LogRecord record =
        new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit");
    record.setThrown(
        new UncheckedIOException(ClientMistakeTest.closed(ClientMistakeTest.resetByPeer())));

    assertThat(filter.isLoggable(record)).isFalse();
    assertThat(reports).containsExactly("aborted_download");
    assertThat(askedBefore).isEmpty();
  }

  @Test
  void grizzlysRefusalOfBothLengthsBecomesOneReport() {
    LogRecord record = new LogRecord(Level.SEVERE, ClientMistakeLogFilter.BOTH_LENGTHS);

    assertThat(filter.isLoggable(record)).isFalse();
    assertThat(reports).containsExactly("bad_framing: both Content-Length and Transfer-Encoding");
  }

  @Test
  void ourOwnFaultGoesOnWithItsStackTrace() {
    LogRecord record = new LogRecord(Level.SEVERE, "An I/O error has occurred while writing");
    IllegalStateException bug = new IllegalStateException("reading sessions failed");
    record.setThrown(bug);

    assertThat(filter.isLoggable(record)).isTrue();
    assertThat(reports).isEmpty();
    assertThat(askedBefore).containsExactly(record);
    assertThat(record.getThrown()).isSameAs(bug);
  }

  @Test
  void aRecordBelowWarningGoesOnAsItCame() {
    LogRecord record = new LogRecord(Level.FINE, "Error while closing the output stream");
    record.setThrown(ClientMistakeTest.closed(ClientMistakeTest.endOfBody()));

    assertThat(filter.isLoggable(record)).isTrue();
    assertThat(reports).isEmpty();
    assertThat(askedBefore).containsExactly(record);
  }

  @Test
  void theFilterThatWasThereStillDecidesTheRest() {
    ClientMistakeLogFilter overStrict =
        new ClientMistakeLogFilter(record -> false, (kind, detail) -> reports.add(kind.label()));

    assertThat(overStrict.isLoggable(new LogRecord(Level.WARNING, "anything else"))).isFalse();
    assertThat(overStrict.previous()).isNotNull();
    assertThat(
            new ClientMistakeLogFilter(null, (kind, detail) -> {})
                .isLoggable(new LogRecord(Level.WARNING, "anything else")))
        .isTrue();
  }
}
