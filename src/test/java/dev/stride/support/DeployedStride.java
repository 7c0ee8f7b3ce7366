package dev.stride.support;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test of the built WAR on its own Payara Micro, seen from outside as a client:
 * {@link #api} talks to it on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedStride {
  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.stride();
  }

  @ArquillianResource protected URL deployed;
  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(Deployments.onLoopback(deployed));
  }

  /** The backend's own root, where /health, /metrics and /openapi live. */
  protected Api operations() {
    return new Api(java.net.URI.create("http://127.0.0.1:" + deployed.getPort())).as(null);
  }
}
