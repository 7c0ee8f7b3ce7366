package dev.stride.operations.boundary;

import dev.stride.operations.control.LogLineFormat;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives Payara's console handler Stride's line format once the application starts, and gives the
 * old one back when it stops (the formatter's class belongs to the application's class loader).
 * From then on every line — Payara's, the libraries', Stride's — is formatted by {@link
 * LogLineFormat}, with the id of the request its thread works for.
 */
@ApplicationScoped
public class LogLines {
  private static final Logger LOG = Logger.getLogger(LogLines.class.getName());

  @Inject
  @ConfigProperty(name = "stride.log.format", defaultValue = "text")
  String format;

  private final Map<Handler, Formatter> replaced = new HashMap<>();

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LogLineFormat lines = LogLineFormat.named(format);
    if (lines == null) {
      LOG.warning("STRIDE_LOG_FORMAT=" + format + " is neither text nor json; logging text");
      lines = LogLineFormat.named("text");
    }
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler instanceof ConsoleHandler) {
        replaced.put(handler, handler.getFormatter());
        handler.setFormatter(lines);
      }
    }
  }

  @PreDestroy
  void restore() {
    replaced.forEach(Handler::setFormatter);
  }
}
