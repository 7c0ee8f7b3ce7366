package dev.stride.sessions.boundary;

import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code Location} of a created session. Never built from the request's {@code Host}, which the
 * client chooses ({@code Host: evil.example} used to come back in it): absolute from
 * STRIDE_PUBLIC_URL when the operator sets it (e.g. {@code https://stride.example.org}), otherwise
 * the path alone, a relative reference that RFC 9110 allows and clients resolve against the URL
 * they asked.
 */
@ApplicationScoped
public class Locations {
  @Inject
  @ConfigProperty(name = "stride.public.url")
  Optional<String> publicUrl;

  private String ofSession(String id) {
    String base = publicUrl.map(url -> url.replaceAll("/+$", "")).orElse("");
    return base + "/api/sessions/" + id;
  }

  /** The answer of a session stored by this request (201, Location) or found stored (200). */
  public Response stored(Session session, boolean created) {
    SessionView view = SessionView.of(session);
    return created
        ? Response.status(Response.Status.CREATED)
            .header("Location", ofSession(view.id()))
            .entity(view)
            .build()
        : Response.ok(view).build();
  }
}
