package dev.stride.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which failures are a client's mistake, told by the frames that raised them: the exceptions below
 * carry the top frames of the ones that Payara 6.2025.10 logged for each probe of ClientMistakesIT.
 */
class ClientMistakeTest {
  /** Where Grizzly found the end of the stream while the body's reader read it. */
  static EOFException endOfBody() {
    return raisedAt(
        new EOFException(),
        "org.glassfish.grizzly.nio.transport.TCPNIOTransport.read",
        "org.glassfish.grizzly.http.io.InputBuffer.blockingRead",
        "org.apache.catalina.connector.CoyoteInputStream.read",
        "dev.stride.json.JsonBodies$Counted.read");
  }

  /** Where the socket refused a write of the answer. */
  static IOException resetByPeer() {
    return raisedAt(
        new IOException("Connection reset by peer"),
        "sun.nio.ch.SocketDispatcher.write0",
        "sun.nio.ch.SocketChannelImpl.write",
        "org.glassfish.grizzly.nio.transport.TCPNIOUtils.flushByteBuffer",
        "org.glassfish.grizzly.http.io.OutputBuffer.flush");
  }

  /** Grizzly's refusal of any later write, caused by why the connection closed. */
  static IOException closed(Throwable reason) {
    IOException closed = new IOException("Connection is closed", reason);
    return raisedAt(
        closed,
        "org.glassfish.grizzly.nio.NIOConnection.assertOpen",
        "org.glassfish.grizzly.http.io.OutputBuffer.write",
        "org.glassfish.jersey.message.internal.CommittingOutputStream.close");
  }

  static Stream<Arguments> failures() {
    IOException timedOut = new IOException(new TimeoutException());
    raisedAt(
        timedOut,
        "org.glassfish.grizzly.utils.Exceptions.makeIOException",
        "org.glassfish.grizzly.http.io.InputBuffer.blockingRead");
    IOException database =
        raisedAt(
            new IOException("Connection reset"),
            "sun.nio.ch.NioSocketImpl.implRead",
            "java.net.Socket$SocketInputStream.read",
            "org.postgresql.core.VisibleBufferedInputStream.readMore");
    CancelledKeyException cancelled =
        raisedAt(
            new CancelledKeyException(),
            "sun.nio.ch.SelectionKeyImpl.ensureValid",
            "org.glassfish.grizzly.nio.tmpselectors.TemporarySelectorReader.read0",
            "org.glassfish.grizzly.http.io.InputBuffer.blockingRead");
    IOException ours = raisedAt(new IOException("disk full"), "dev.stride.sessions.Export.write");
    return Stream.of(
        Arguments.of(
            "the body's end, as the reader saw it", endOfBody(), ClientMistake.ABORTED_UPLOAD),
        Arguments.of(
            "Jersey's failed answer after the body's end",
            new UncheckedIOException(closed(endOfBody())),
            ClientMistake.ABORTED_UPLOAD),
        Arguments.of(
            "an answer to a client that reset the connection",
            new UncheckedIOException(closed(resetByPeer())),
            ClientMistake.ABORTED_DOWNLOAD),
        Arguments.of("a write that the reset broke", resetByPeer(), ClientMistake.ABORTED_DOWNLOAD),
        Arguments.of("Grizzly's read timeout", timedOut, ClientMistake.READ_TIMEOUT),
        Arguments.of(
            "a read racing with Grizzly's close",
            new IOException("closed during the read", cancelled),
            ClientMistake.ABORTED_UPLOAD),
        Arguments.of(
            "the database's socket", new IllegalStateException("reading failed", database), null),
        Arguments.of("an I/O failure of ours", ours, null),
        Arguments.of("a bug of ours", new NullPointerException(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailureIsAClientMistakeOnlyWhenTheClientsConnectionRaisedIt(
      String what, Throwable failure, ClientMistake expected) {
    assertThat(ClientMistake.of(failure)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aCycleOfCausesIsReadOnce() {
    EOFException end = endOfBody();
    IllegalStateException outer = new IllegalStateException("outer", end);
    end.initCause(outer);
    assertThat(ClientMistake.of(outer)).contains(ClientMistake.ABORTED_UPLOAD);
  }

  static Stream<Arguments> printed() {
    return Stream.of(
        Arguments.of(
            "the error page after an aborted upload",
            "StandardHostValve@1: Exception Processing ErrorPage[errorCode=0]\n"
                + printed(closed(endOfBody())),
            ClientMistake.ABORTED_UPLOAD),
        Arguments.of(
            "the error page during an aborted download",
            "StandardHostValve@1: Exception Processing ErrorPage[errorCode=0]\n"
                + printed(closed(resetByPeer())),
            ClientMistake.ABORTED_DOWNLOAD),
        Arguments.of(
            "another failure of the error page",
            "StandardHostValve@1: Exception Processing ErrorPage[errorCode=0]\n"
                + printed(
                    raisedAt(
                        new IllegalStateException("bug"), "dev.stride.problems.ErrorPage.service")),
            null),
        Arguments.of("a message without a stack trace", "Connection is closed", null),
        Arguments.of("no message", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printed")
  void catalinasPrintedTraceIsAClientMistakeOnlyForAClosedConnection(
      String what, String message, ClientMistake expected) {
    assertThat(ClientMistake.ofPrinted(message)).isEqualTo(Optional.ofNullable(expected));
  }

  /** The failure, with these frames (class.method) on top of its stack. */
  static <T extends Throwable> T raisedAt(T failure, String... frames) {
    failure.setStackTrace(
        Arrays.stream(frames)
            .map(
                frame -> {
                  int dot = frame.lastIndexOf('.');
                  return new StackTraceElement(
                      frame.substring(0, dot), frame.substring(dot + 1), "X.java", 1);
                })
            .toArray(StackTraceElement[]::new));
    return failure;
  }

  /** As Catalina's logger prints it into its message. */
  private static String printed(Throwable failure) {
    var text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
