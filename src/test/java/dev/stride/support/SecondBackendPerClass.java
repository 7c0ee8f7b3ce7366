package dev.stride.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SecondBackend} for all tests of a class: started before the first, stopped after the
 * last. {@code @RegisterExtension static final SecondBackendPerClass backend = new ...;}
 */
public final class SecondBackendPerClass implements BeforeAllCallback, AfterAllCallback {
  private SecondBackend backend;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    backend = SecondBackend.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  public Api api() {
    return backend.api();
  }
}
