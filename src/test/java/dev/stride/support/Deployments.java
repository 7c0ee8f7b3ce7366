package dev.stride.support;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment of the integration tests: the WAR that the build produced, whole. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive stride() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stride.war"));
  }

  /**
   * The application's base URL on loopback: the adapter reports the machine's own address, and
   * tests only ever talk to 127.0.0.1.
   */
  public static URI onLoopback(URL deployed) {
    return URI.create(
        "http://127.0.0.1:" + deployed.getPort() + deployed.getPath().replaceAll("/$", ""));
  }
}
