package dev.stride.operations.boundary;

import dev.stride.operations.control.ClientMistakes;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets {@link ClientMistakes} know which request an HTTP thread serves, so that it can name the
 * request in its line and tell each request's mistake once. Payara ends a request after its error
 * page, so what the container logs while it tries to send that page still belongs to the request.
 */
@WebListener
public class ClientMistakeRequests implements ServletRequestListener {
  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      ClientMistakes.serving(request);
    }
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    ClientMistakes.served();
  }
}
