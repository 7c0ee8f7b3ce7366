package dev.stride.sessions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  public String ofSession(String id) {
    String base = publicUrl.map(url -> url.replaceAll("/+$", "")).orElse("");
    return base + "/api/sessions/" + id;
  }
}
