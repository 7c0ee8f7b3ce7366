package dev.stride.operations.boundary;

import dev.stride.operations.control.ClientMistake;
import dev.stride.operations.control.ClientMistakes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.CancelledKeyException;

/**
 * Sees the client's mistakes in a request body where they arise, as the body's reader reads it: the
 * connection closed before the body was whole, a chunk Grizzly could not parse, a body that stopped
 * arriving for the 5 s read timeout. The readers answer each with a 400 (which a closed connection
 * never receives) and nobody else would log the timeout at all. The failure goes on to the reader
 * unchanged.
 */
@Provider
public class ClientMistakeInterceptor implements ReaderInterceptor {
  @Inject ClientMistakes mistakes;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Watched(context.getInputStream(), mistakes));
    return context.proceed();
  }

  /** The body, reporting the first failure that shows a client's mistake. */
  static final class Watched extends FilterInputStream {
    private final ClientMistakes mistakes;
    private boolean reported;

    Watched(InputStream body, ClientMistakes mistakes) {
      super(body);
      this.mistakes = mistakes;
    }

    @Override
    public int read() throws IOException {
      return (int) watching(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return (int) watching(() -> super.read(buffer, offset, length));
    }

    @Override
    public long skip(long n) throws IOException {
      return watching(() -> super.skip(n));
    }

    private interface Read {
      long read() throws IOException;
    }

    private long watching(Read read) throws IOException {
      try {
        return read.read();
      } catch (IOException e) {
        throw watched(e);
      } catch (CancelledKeyException e) {
        throw watched(new IOException("the connection was closed during the read", e));
      }
    }

    private IOException watched(IOException failure) {
      if (!reported) {
        reported = true;
        ClientMistake.of(failure)
            .ifPresent(kind -> mistakes.report(kind, ClientMistake.detailOf(failure)));
      }
      return failure;
    }
  }
}
