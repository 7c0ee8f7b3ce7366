package dev.stride.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.support.SecondBackendPerClass;
import dev.stride.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that talk to Payara directly cannot take the API down: a request whose body stops
 * arriving holds its HTTP thread only until a read times out (5 s), and natively the port listens
 * on 127.0.0.1 only, so the one way in from outside is Nginx, which buffers bodies. Runs against a
 * backend started by {@code payara/launch.sh} with its production settings (8 HTTP threads).
 */
class StalledClientIT {
  private static final int HTTP_THREADS = 8;

  /** How long a stalled request may hold its thread before the test calls it a failure. */
  private static final int ANSWER_WITHIN_MS = 20_000;

  @RegisterExtension static final SecondBackendPerClass backend = new SecondBackendPerClass();

  @Test
  void stalledBodiesOnEveryThreadAreAnsweredAndTheApiServesAgain() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < HTTP_THREADS; i++) {
        stalled.add(stalledPost());
      }
      for (Socket socket : stalled) {
        String answer = readAnswer(socket);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
      }
      assertThat(backend.api().get("/api/sessions?limit=1").status()).isEqualTo(200);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void theBackendListensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    assertThat(outside).as("this machine has a non-loopback IPv4 address to try").isPresent();
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), port()), 3_000))
          .isInstanceOf(ConnectException.class);
    }
  }

  private static int port() {
    return backend.api().root().getPort();
  }

  /**
   * A POST (with a valid token: one without is refused before its body is read) that announces
   * 100,000 bytes of body, sends a few and then nothing.
   */
  private static Socket stalledPost() throws IOException {
    Socket socket = new Socket("127.0.0.1", port());
    socket.setSoTimeout(ANSWER_WITHIN_MS);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer "
                + Tokens.admin()
                + "\r\nContent-Length: 100000\r\n\r\n{\"id\":")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** The first bytes of the answer (its status line and headers). */
  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] answer = new byte[4096];
    int read = in.read(answer); // a SocketTimeoutException if nothing comes in time
    return new String(answer, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }
}
