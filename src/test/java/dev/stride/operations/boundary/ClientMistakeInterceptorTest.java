package dev.stride.operations.boundary;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.operations.control.ClientMistakes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.CancelledKeyException;
import org.junit.jupiter.api.Test;

class ClientMistakeInterceptorTest {
  /** A body whose every read fails with {@code failure}. */
  private static InputStream failingWith(RuntimeException failure) {
    return new InputStream() {
      @Override
      public int read() {
        throw failure;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        throw failure;
      }
    };
  }

  @Test
  void grizzlysCancelledKeyReachesTheReaderAsAnIoFailure() {
    CancelledKeyException cancelled = new CancelledKeyException();
    var body = new ClientMistakeInterceptor.Watched(failingWith(cancelled), new ClientMistakes());

    assertThatThrownBy(() -> body.read(new byte[16], 0, 16))
        .isInstanceOf(IOException.class)
        .hasCause(cancelled);
    assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasCause(cancelled);
  }

  @Test
  void anyOtherFailureReachesTheReaderAsItCame() {
    IllegalStateException bug = new IllegalStateException("a bug");
    var body = new ClientMistakeInterceptor.Watched(failingWith(bug), new ClientMistakes());

    assertThatThrownBy(() -> body.read(new byte[16], 0, 16)).isSameAs(bug);
  }
}
