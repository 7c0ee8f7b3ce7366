package dev.stride.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The tokens of a test run: the backends' bootstrap admin token (STRIDE_ADMIN_TOKEN, which {@code
 * ./stride test} generates and exports to the backends it and Arquillian start), and tokens minted
 * with it for the users and scopes a test needs.
 */
public final class Tokens {
  private Tokens() {}

  /** The admin token's secret. */
  public static String admin() {
    String secret = System.getenv("STRIDE_ADMIN_TOKEN");
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "STRIDE_ADMIN_TOKEN is not set: ./stride test sets it; to run one test by hand, export"
              + " STRIDE_ADMIN_TOKEN=stride_$(head -c32 /dev/urandom | base64 | tr '+/' '-_' | tr"
              + " -d '=') before mvn verify");
    }
    return secret.strip();
  }

  /** A new token of {@code userId} with these scopes, made with the admin token: its answer. */
  public static JsonObject mint(Api admin, String userId, String... scopes) {
    JsonArrayBuilder names = Json.createArrayBuilder();
    List.of(scopes).forEach(names::add);
    String body =
        Json.createObjectBuilder()
            .add("name", "test " + userId)
            .add("userId", userId)
            .add("scopes", names)
            .build()
            .toString();
    Api.Answer created = admin.postJson("/api/tokens", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** The secret of a new token of {@code userId} with these scopes. */
  public static String secretOf(Api admin, String userId, String... scopes) {
    return mint(admin, userId, scopes).getString("secret");
  }
}
