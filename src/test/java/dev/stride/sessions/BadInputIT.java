package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Tables of bad input: every one is a 400 problem that names what is wrong, and stores nothing; the
 * values just inside each bound are accepted (and stored: the table's CHECKs agree). Which values
 * break which rule, with which message, is SessionRulesTest's table; here are the JSON types, the
 * properties that are not input fields and many errors at once, as the server reads them.
 */
class BadInputIT extends DeployedStride {

  /** One variation of a valid session, and the fields its 400 must name. */
  record Case(String name, UnaryOperator<JsonObjectBuilder> change, List<String> fields) {}

  static Case invalid(String name, UnaryOperator<JsonObjectBuilder> change, String... fields) {
    return new Case(name, change, List.of(fields));
  }

  static Case valid(String name, UnaryOperator<JsonObjectBuilder> change) {
    return new Case(name, change, List.of());
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String text : List.of("id", "userId", "activity", "startedAt", "notes")) {
      cases.add(invalid(text + " a number", b -> b.add(text, 1), text));
      cases.add(invalid(text + " an object", b -> b.add(text, Json.createObjectBuilder()), text));
    }
    for (String integer : List.of("durationSeconds", "calories", "avgHeartRate", "maxHeartRate")) {
      cases.add(invalid(integer + " a string", b -> b.add(integer, "100"), integer));
      cases.add(
          invalid(integer + " a fraction", b -> b.add(integer, new BigDecimal("100.5")), integer));
      cases.add(
          invalid(
              integer + " written 100.0", b -> b.add(integer, new BigDecimal("100.0")), integer));
      cases.add(invalid(integer + " true", b -> b.add(integer, true), integer));
      cases.add(
          invalid(
              integer + " an array",
              b -> b.add(integer, Json.createArrayBuilder().add(100)),
              integer));
    }
    cases.add(invalid("distanceMeters true", b -> b.add("distanceMeters", true), "distanceMeters"));
    cases.add(
        invalid("distanceMeters a string", b -> b.add("distanceMeters", "5"), "distanceMeters"));

    cases.add(
        valid(
            "userId 64 characters",
            b -> b.add("userId", ("u" + suffix() + "u".repeat(64)).substring(0, 64))));
    cases.add(valid("userId 1 character", b -> b.add("userId", "7")));
    cases.add(valid("userId with . _ -", b -> b.add("userId", "A.b_c-" + suffix())));
    cases.add(valid("startedAt at 1970", b -> b.add("startedAt", "1970-01-01T00:00:00Z")));
    cases.add(
        valid(
            "startedAt at 1970 in another zone",
            b -> b.add("startedAt", "1970-01-01T01:00:00+01:00")));
    cases.add(valid("startedAt 23 h ahead", b -> b.add("startedAt", ahead(23 * 60))));
    cases.add(valid("durationSeconds 1", b -> b.add("durationSeconds", 1)));
    cases.add(valid("durationSeconds 86400", b -> b.add("durationSeconds", 86400)));
    cases.add(valid("distanceMeters 0", b -> b.add("distanceMeters", 0)));
    cases.add(valid("distanceMeters 1000000", b -> b.add("distanceMeters", 1000000)));
    cases.add(valid("calories 0", b -> b.add("calories", 0)));
    cases.add(valid("calories 20000", b -> b.add("calories", 20000)));
    cases.add(valid("heart rates 20", b -> b.add("avgHeartRate", 20).add("maxHeartRate", 20)));
    cases.add(valid("heart rates 250", b -> b.add("avgHeartRate", 250).add("maxHeartRate", 250)));
    cases.add(valid("only maxHeartRate", b -> b.remove("avgHeartRate").add("maxHeartRate", 21)));
    cases.add(valid("notes 1000 characters", b -> b.add("notes", "é".repeat(1000))));
    cases.add(
        valid("notes 1000 code points beyond the BMP", b -> b.add("notes", "🏃".repeat(1000))));
    cases.add(invalid("createdAt", b -> b.add("createdAt", "2026-11-01T07:00:00Z"), "createdAt"));
    cases.add(invalid("an unknown property", b -> b.add("heartRate", 120), "heartRate"));
    cases.add(
        invalid(
            "several at once",
            b -> b.add("durationSeconds", 0).add("activity", "x").remove("userId").add("extra", 1),
            "userId",
            "activity",
            "durationSeconds",
            "extra"));
    return cases;
  }

  @Test
  void everyFieldIsCheckedAndEveryInvalidFieldListed() {
    List<String> failures = new ArrayList<>();
    for (Case c : cases()) {
      String user = "bad-" + suffix();
      JsonObjectBuilder body = SessionJson.complete(user);
      JsonObject session = c.change().apply(body).build();
      Answer answer = api.postJson("/api/sessions", session.toString());
      if (c.fields().isEmpty()) {
        if (answer.status() != 201) {
          failures.add(c.name() + ": expected 201, got " + answer);
        }
        continue;
      }
      try {
        assertProblem(answer, 400);
        assertThat(answer.errorFields()).containsExactlyElementsOf(c.fields());
        assertThat(answer.json().getString("detail"))
            .isEqualTo(
                c.fields().size() == 1
                    ? "1 field is invalid"
                    : c.fields().size() + " fields are invalid");
        answer
            .json()
            .getJsonArray("errors")
            .forEach(e -> assertThat(e.asJsonObject().getString("message")).isNotBlank());
        assertThat(api.allSessionsOf(user)).isEmpty();
        if (session.containsKey("id")
            && session.get("id").getValueType() == JsonValue.ValueType.STRING) {
          assertThat(api.get("/api/sessions/" + session.getString("id")).status()).isEqualTo(404);
        }
      } catch (AssertionError e) {
        failures.add(c.name() + ": " + e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void notesWithEscapedNulOrLoneSurrogatesAreRefused() {
    for (String notes : List.of("a\\u0000b", "a\\ud800b", "a\\udc00b", "\\ud83c")) {
      String user = "esc-" + suffix();
      String body =
          SessionJson.complete(user).build().toString().replace("Easy run by the river", notes);
      Answer answer = api.postJson("/api/sessions", body);
      assertProblem(answer, 400);
      assertThat(answer.errorFields()).as(notes).containsExactly("notes");
      assertThat(api.allSessionsOf(user)).isEmpty();
    }
    String paired =
        SessionJson.complete("esc-" + suffix())
            .build()
            .toString()
            .replace("Easy run", "\\ud83c\\udfc3");
    assertThat(api.postJson("/api/sessions", paired).status()).isEqualTo(201);
  }

  @Test
  void theErrorMessagesSayWhatIsExpected() {
    Answer answer =
        api.postJson(
            "/api/sessions",
            SessionJson.complete("msg")
                .add("durationSeconds", 0)
                .add("activity", "x")
                .build()
                .toString());
    assertThat(answer.body())
        .contains("\"field\":\"durationSeconds\",\"message\":\"must be between 1 and 86400\"")
        .contains(
            "must be one of running, cycling, swimming, walking, hiking, rowing, strength, yoga, other");
  }

  @Test
  void bodiesThatAreNotValidJsonAre400AndNever5xx() {
    String valid = SessionJson.complete("json-" + suffix()).build().toString();
    String trimmed = valid.substring(1, valid.length() - 1);
    List<byte[]> bodies = new ArrayList<>();
    for (String text :
        List.of(
            "",
            " ",
            "{",
            "}",
            "null",
            "42",
            "\"a session\"",
            "[" + valid + "]",
            valid + " x",
            valid + valid,
            valid + "{}",
            "{" + trimmed + ", \"durationSeconds\": NaN}",
            "{" + trimmed.replace("1800", "Infinity") + "}",
            "{" + trimmed.replace("1800", "-Infinity") + "}",
            "/* comment */ " + valid,
            "{" + trimmed + "} // comment",
            "{" + trimmed.replace("\"userId\"", "'userId'") + "}",
            "{" + trimmed + ",}",
            "{" + trimmed + ", \"userId\": \"again\"}",
            "{" + trimmed.replace("\"notes\"", "\"no\\u0000tes\"") + "}",
            "{" + trimmed.replace("\"notes\"", "\"no\\udc00tes\"") + "}",
            "[".repeat(100_000) + "]".repeat(100_000),
            "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000))) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] utf8 = valid.replace("Easy run", "Easy XX").getBytes(StandardCharsets.UTF_8);
    int at = new String(utf8, StandardCharsets.ISO_8859_1).indexOf("XX");
    byte[] invalidUtf8 = utf8.clone();
    invalidUtf8[at] = (byte) 0xC3;
    invalidUtf8[at + 1] = (byte) 0x28; // a lead byte followed by no continuation
    bodies.add(invalidUtf8);
    byte[] overlong = utf8.clone();
    overlong[at] = (byte) 0xC0;
    overlong[at + 1] = (byte) 0xAF;
    bodies.add(overlong);

    for (byte[] body : bodies) {
      Answer answer = api.post("/api/sessions", body, "application/json");
      String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
      assertThat(answer.status()).as(shown + " -> " + answer).isEqualTo(400);
      assertProblem(answer, 400);
    }
  }

  /**
   * Deeply nested bodies, many at once on both endpoints: each is a 400 problem, whatever thread
   * and stack it meets (a recursive parser overflowed the stack now and then, a 500).
   */
  @Test
  void deeplyNestedBodiesAre400OnEveryThread() throws Exception {
    List<byte[]> bodies =
        List.of(
            ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
            ("[" + "[".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
            ("[{\"notes\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}]")
                .getBytes(StandardCharsets.UTF_8),
            ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (byte[] body : bodies) {
          for (String path : List.of("/api/sessions", "/api/sessions/batch")) {
            answers.add(clients.submit(() -> api.post(path, body, "application/json")));
          }
        }
      }
      for (Future<Answer> answer : answers) {
        assertProblem(answer.get(60, TimeUnit.SECONDS), 400);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** A long cursor reaches Stride, which names it, instead of an empty 400 from the HTTP layer. */
  @Test
  void aLongCursorIsAProblemThatNamesIt() {
    Answer answer = api.get("/api/sessions?cursor=" + "c".repeat(10_000));
    assertProblem(answer, 400);
    assertThat(answer.errorFields()).containsExactly("cursor");
  }

  /** JSON is UTF-8: a charset asked for in Accept is not echoed into the answer's type. */
  @Test
  void jsonAnswersNameNoCharsetWhateverTheClientAsks() {
    for (String path : List.of("/api/sessions?limit=1", "/api/sessions/" + UUID.randomUUID())) {
      Answer answer =
          api.send(
              path,
              "GET",
              BodyPublishers.noBody(),
              null,
              "Accept",
              "application/json; charset=bogus");
      assertThat(answer.contentType())
          .as(path)
          .isIn("application/json", "application/problem+json");
    }
  }

  private static String suffix() {
    return Long.toHexString(System.nanoTime());
  }

  private static String ahead(int minutes) {
    return Instant.now()
        .plus(minutes, ChronoUnit.MINUTES)
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }
}
