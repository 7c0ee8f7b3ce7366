package dev.stride.operations.control;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.CancelledKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * What a client can get wrong below the API's own rules, at the level of the HTTP connection: it
 * goes away in the middle of its request body or of the answer, frames its body so that it cannot
 * be read, or stops sending it. None of them is a fault of Stride, and the client no longer waits
 * for an answer (or gets Grizzly's empty 400), so the operator learns of them only from the log and
 * the counter {@code stride_http_client_errors_total{kind}}: a small fixed set of kinds.
 */
public enum ClientMistake {
  ABORTED_UPLOAD("the client closed the connection during the request body"),
  ABORTED_DOWNLOAD("the client closed the connection before the whole answer was sent"),
  BAD_FRAMING("the request's body is framed wrongly"),
  READ_TIMEOUT("the request body stopped arriving (read timeout)");

  /** Grizzly's exception for a chunked body it cannot parse (not on Stride's class path). */
  static final String BROKEN_CONTENT = "org.glassfish.grizzly.http.HttpBrokenContentException";

  /** Catalina's wrapper of a write that the client's going away broke. */
  private static final String CLIENT_ABORT = "org.apache.catalina.connector.ClientAbortException";

  /** Grizzly's input buffer: a failure with it in its stack happened while reading the body. */
  private static final String INPUT_BUFFER = "org.glassfish.grizzly.http.io.InputBuffer";

  /** Grizzly's refusal to write to a closed connection, as printed in a stack trace. */
  private static final Pattern CLOSED_CONNECTION =
      Pattern.compile(
          "java\\.io\\.IOException: Connection is closed\\R\\s+at"
              + " org\\.glassfish\\.grizzly\\.nio\\.NIOConnection\\.assertOpen\\(");

  private final String description;

  ClientMistake(String description) {
    this.description = description;
  }

  /** The value of the metric's {@code kind} label: the name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What happened, in words, for the log. */
  public String description() {
    return description;
  }

  /**
   * The client's mistake that {@code failure} shows, or empty when it shows none: then it is a
   * fault of ours (or of the database) and keeps its stack trace. A client mistake is a body that
   * Grizzly could not parse, or an I/O failure that the client's connection itself raised — never
   * one of the database's socket, whose stack shows the driver before any of Grizzly's frames.
   */
  public static Optional<ClientMistake> of(Throwable failure) {
    boolean fromConnection = false;
    boolean timedOut = false;
    boolean whileReading = false;
    for (Throwable cause : causes(failure)) {
      if (cause.getClass().getName().equals(BROKEN_CONTENT)) {
        return Optional.of(BAD_FRAMING);
      }
      timedOut |= cause instanceof TimeoutException || cause instanceof SocketTimeoutException;
      if ((cause instanceof IOException || cause instanceof CancelledKeyException)
          && raisedByTheConnection(cause)) {
        fromConnection = true;
        whileReading |= hasFrameOf(cause, INPUT_BUFFER);
      }
    }
    if (!fromConnection) {
      return Optional.empty();
    }
    if (timedOut) {
      return Optional.of(READ_TIMEOUT);
    }
    return Optional.of(whileReading ? ABORTED_UPLOAD : ABORTED_DOWNLOAD);
  }

  /**
   * The client's mistake in a stack trace printed into a message, or empty: Catalina's own logger
   * (StandardHostValve, when the error page cannot be sent) writes the exception as text. Only the
   * one failure that it reports for a client is recognised: a write to a connection that Grizzly
   * had closed already, after a body (upload) or during an answer (download).
   */
  public static Optional<ClientMistake> ofPrinted(String message) {
    if (message == null || !CLOSED_CONNECTION.matcher(message).find()) {
      return Optional.empty();
    }
    return Optional.of(message.contains(INPUT_BUFFER + ".") ? ABORTED_UPLOAD : ABORTED_DOWNLOAD);
  }

  /** What Grizzly said about a body it could not parse, or null for the other mistakes. */
  public static String detailOf(Throwable failure) {
    return causes(failure).stream()
        .filter(cause -> cause.getClass().getName().equals(BROKEN_CONTENT))
        .map(Throwable::getMessage)
        .findFirst()
        .orElse(null);
  }

  /** The failure and its causes, outermost first (a cycle is cut where it closes). */
  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Throwable seen : causes) {
        if (seen == cause) {
          return causes;
        }
      }
      causes.add(cause);
    }
    return causes;
  }

  /**
   * Whether Grizzly's connection raised it: the first frame that is not the JDK's socket code is
   * Grizzly's ({@code NIOConnection.assertOpen}, {@code TCPNIOTransport.read}, a write of its
   * output buffer), or Catalina reported the client's abort as such. Besides I/O exceptions,
   * Grizzly lets out the NIO {@link CancelledKeyException} when a read races with its closing of
   * the connection (after a body it could not parse).
   */
  private static boolean raisedByTheConnection(Throwable failure) {
    if (failure.getClass().getName().equals(CLIENT_ABORT)) {
      return true;
    }
    for (StackTraceElement frame : failure.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("org.glassfish.grizzly.")) {
        return true;
      }
      if (!type.startsWith("sun.nio.") && !type.startsWith("java.") && !type.startsWith("jdk.")) {
        return false;
      }
    }
    return false;
  }

  private static boolean hasFrameOf(Throwable failure, String type) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().equals(type)) {
        return true;
      }
    }
    return false;
  }
}
