import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./stride token create --user U --scopes read,write [--name N] [--expires RFC3339]}: asks
 * the running Stride (its API at the first argument) for a new token, with the admin token of
 * STRIDE_ADMIN_TOKEN, and prints the new secret on one line (details on stderr). A single-file
 * program: nothing but a JDK. Every failure is one line on stderr and a non-zero exit code.
 */
public class TokenCommand {
  public static void main(String[] args) throws Exception {
    String api = args[0];
    String user = null, scopes = null, name = null, expires = null;
    for (int i = 1; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--user" -> user = value;
        case "--scopes" -> scopes = value;
        case "--name" -> name = value;
        case "--expires" -> expires = value;
        default -> fail(2, "unknown option " + args[i]);
      }
      i++;
    }
    if (user == null || scopes == null) {
      fail(2, "usage: ./stride token create --user U --scopes read,write [--name N] [--expires RFC3339]");
    }
    List<String> quoted = new ArrayList<>();
    for (String scope : scopes.split(",")) {
      quoted.add(json(scope.strip()));
    }
    String body =
        "{\"userId\": " + json(user) + ", \"name\": " + json(name == null ? "token of " + user : name)
            + ", \"scopes\": [" + String.join(", ", quoted) + "]"
            + (expires == null ? "" : ", \"expiresAt\": " + json(expires)) + "}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + "/tokens"))
            .header("Authorization", "Bearer " + System.getenv("STRIDE_ADMIN_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer;
    try {
      answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      fail(3, "Stride does not answer at " + api + " (start it with ./stride start, or set HTTP_PORT)");
      return;
    }
    if (answer.statusCode() != 201) {
      fail(4, "Stride refused (" + answer.statusCode() + "): " + answer.body());
    }
    String text = answer.body();
    int at = text.indexOf("\"secret\":\"");
    System.err.println("stride: created " + text.replaceAll(",\"secret\":\"[^\"]*\"", ""));
    System.out.println(text.substring(at + 10, text.indexOf('"', at + 10)));
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void fail(int code, String message) {
    System.err.println("stride: " + message);
    System.exit(code);
  }
}
