package dev.stride.operations.boundary;

import dev.stride.operations.control.PayaraMetricsText;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Payara's {@code /metrics}, with Stride's histograms written as histogram families and without
 * Payara's always-zero pool figures ({@link PayaraMetricsText}). The answer (about 100 KB, once per
 * scrape) is held until Payara has written it, then rewritten and sent; a failed scrape passes
 * through as Payara answered it.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"})
public class PrometheusText implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    Held held = new Held(http);
    chain.doFilter(request, held);
    byte[] body = held.bytes();
    String type = http.getContentType();
    if (http.getStatus() == 200 && type != null && type.startsWith("text/plain")) {
      String text = new String(body, StandardCharsets.UTF_8);
      text = PayaraMetricsText.histogramFamilies(PayaraMetricsText.withoutSampledPoolFigures(text));
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    http.setContentLength(body.length);
    http.getOutputStream().write(body);
  }

  /** The response, with its body kept in memory instead of sent. */
  private static final class Held extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(128 * 1024);
    private PrintWriter writer;

    Held(HttpServletResponse response) {
      super(response);
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return body.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          body.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("the metrics are written blocking");
        }
      };
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void flushBuffer() {}
  }
}
