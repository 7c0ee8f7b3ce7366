package dev.stride.access;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of the compiled application, found by reflection over the classes
 * under {@code dev/stride}: a new endpoint is in this list without anybody adding it.
 */
final class Endpoints {
  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class, "GET",
          POST.class, "POST",
          PUT.class, "PUT",
          DELETE.class, "DELETE",
          PATCH.class, "PATCH",
          HEAD.class, "HEAD",
          OPTIONS.class, "OPTIONS");

  /** A resource method, its HTTP method and path template under /api. */
  record Endpoint(Class<?> resource, Method method, String httpMethod, String template) {
    /** The path with every {parameter} replaced by a value of the right shape. */
    String examplePath() {
      return template
          .replace("{id}", "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11")
          .replace("{userId}", "u1");
    }

    @Override
    public String toString() {
      return httpMethod
          + " "
          + template
          + " ("
          + resource.getSimpleName()
          + "."
          + method.getName()
          + ")";
    }
  }

  private Endpoints() {}

  static List<Endpoint> all() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : applicationClasses()) {
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        METHODS.forEach(
            (annotation, name) -> {
              if (method.isAnnotationPresent(annotation)) {
                Path sub = method.getAnnotation(Path.class);
                String template = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
                endpoints.add(new Endpoint(type, method, name, template));
              }
            });
      }
    }
    return endpoints;
  }

  private static List<Class<?>> applicationClasses() {
    try {
      var root =
          Paths.get(Endpoints.class.getResource("/dev/stride/StrideApplication.class").toURI())
              .getParent();
      var classes = root.getParent().getParent();
      try (Stream<java.nio.file.Path> files = Files.walk(root)) {
        return files
            .filter(file -> file.toString().endsWith(".class"))
            .map(file -> classes.relativize(file).toString())
            .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
            .map(Endpoints::load)
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, Endpoints.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
