package dev.stride.operations.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Where a client's mistake is told once: one line at INFO, without a stack trace, and one more in
 * the counter {@code stride_http_client_errors_total{kind}}. INFO, not FINE, because the operator
 * should see it happen with the default levels (a client that keeps breaking off uploads is worth
 * noticing), and one short line per request cannot flood the log more than an access log would;
 * WARNING and above stay for what Stride or its database did wrong.
 *
 * <p>Payara, Jersey and Grizzly log these mistakes themselves, as SEVERE or WARNING with stack
 * traces of 20 to 110 lines, one to three times per request. At deployment a {@link
 * ClientMistakeLogFilter} goes onto each of the loggers they use (found by reproducing every case
 * against a backend), turns what matches into this line and drops the original. A request is told
 * once: the first report marks it, and what the container logs afterwards about the same request
 * (the answer it could not write, the error page it could not send) is dropped silently.
 */
@ApplicationScoped
public class ClientMistakes {
  private static final Logger LOG = Logger.getLogger(ClientMistakes.class.getName());

  /**
   * The loggers of the container's records about client mistakes: Jersey's, when the answer cannot
   * be written to a closed connection; Catalina's two, when the error page cannot be either;
   * Grizzly's, for a request with both Content-Length and Transfer-Encoding and for a chunked body
   * it cannot parse.
   */
  static final List<String> CONTAINER_LOGGERS =
      List.of(
          "org.glassfish.jersey.server.ServerRuntime$Responder",
          "jakarta.enterprise.web.core",
          "jakarta.enterprise.web",
          "org.glassfish.grizzly.http.HttpServerFilter",
          "org.glassfish.grizzly.filterchain.DefaultFilterChain");

  /** The request each HTTP thread is serving (set by the boundary's request listener). */
  private static final ThreadLocal<HttpServletRequest> SERVING = new ThreadLocal<>();

  /** The attribute that marks a request whose mistake was told. */
  private static final String TOLD = ClientMistakes.class.getName() + ".told";

  /** A path or detail in the log is cut here: a client may send a path of 64 KiB. */
  private static final int LONGEST = 200;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private final Map<ClientMistake, Counter> counters = new EnumMap<>(ClientMistake.class);

  /**
   * The loggers with a filter of ours, held strongly: the LogManager keeps only weak references,
   * and a logger collected and made again would have lost the filter.
   */
  private final List<Logger> filtered = new ArrayList<>();

  /**
   * Registers every kind at 0 (so that a rate can be computed from the first scrape on) and puts
   * the filters on. The filters report to this instance itself, not to a CDI proxy: Grizzly logs
   * from threads that serve no request of the application.
   */
  void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    Metadata metadata =
        Metadata.builder()
            .withName("stride_http_client_errors")
            .withDescription(
                "Requests that the client broke at the HTTP level: aborted uploads or downloads,"
                    + " bodies framed wrongly, bodies that stopped arriving")
            .build();
    for (ClientMistake kind : ClientMistake.values()) {
      counters.put(kind, metrics.counter(metadata, new Tag("kind", kind.label())));
    }
    for (String name : CONTAINER_LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setFilter(new ClientMistakeLogFilter(logger.getFilter(), this::report));
      filtered.add(logger);
    }
  }

  /** Takes the filters off again, giving each logger back the filter it had. */
  @PreDestroy
  void atUndeployment() {
    for (Logger logger : filtered) {
      if (logger.getFilter() instanceof ClientMistakeLogFilter ours) {
        logger.setFilter(ours.previous());
      }
    }
    filtered.clear();
  }

  /**
   * Tells a client's mistake, unless the request this thread serves was told already.
   *
   * @param detail what the container said about it, or null
   */
  public void report(ClientMistake kind, String detail) {
    HttpServletRequest request = SERVING.get();
    if (request != null) {
      if (request.getAttribute(TOLD) != null) {
        return;
      }
      request.setAttribute(TOLD, kind);
    }
    Counter counter = counters.get(kind);
    if (counter != null) {
      counter.inc();
    }
    LOG.log(
        Level.INFO,
        "client mistake {0}: {1}{2}{3}",
        new Object[] {
          kind.label(),
          kind.description(),
          detail == null ? "" : ": " + cut(detail),
          request == null ? "" : " (" + request.getMethod() + " " + path(request) + ")"
        });
  }

  /** This thread now serves {@code request}. */
  public static void serving(HttpServletRequest request) {
    SERVING.set(request);
  }

  /** This thread has served its request (after the container's error page, if any). */
  public static void served() {
    SERVING.remove();
  }

  private static String path(HttpServletRequest request) {
    return cut(request.getRequestURI());
  }

  private static String cut(String text) {
    return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "...";
  }
}
