package dev.stride.operations.boundary;

import dev.stride.StrideApplication;
import dev.stride.operations.control.RequestMetrics;
import dev.stride.operations.control.Route;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells {@link RequestObservation} which route a request matched: the template of its resource
 * method ({@code /api/sessions/{id}}), made once per method from the {@code @Path} annotations.
 * Runs first among the filters, so that a request refused by a later one (403) has its route too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class MatchedRoute implements ContainerRequestFilter {
  static final String ATTRIBUTE = Route.class.getName();
  static final String BASE =
      "/" + StrideApplication.class.getAnnotation(ApplicationPath.class).value();

  @Context ResourceInfo resource;
  @Inject RequestMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method != null) {
      // A property of the JAX-RS request is an attribute of the servlet request.
      request.setProperty(ATTRIBUTE, metrics.route(method, MatchedRoute::of));
    }
  }

  static Route of(Method method) {
    String template =
        Stream.of(
                path(method.getDeclaringClass().getAnnotation(Path.class)),
                path(method.getAnnotation(Path.class)))
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining("/", BASE + "/", ""))
            // {id: [0-9a-f-]+} → {id}: the label names the parameter, not its pattern
            .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    return new Route(httpMethod(method), template);
  }

  private static String path(Path path) {
    return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return "other";
  }
}
