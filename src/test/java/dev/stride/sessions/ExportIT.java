package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CSV export of the contract: the header, RFC 4180 quoting with CRLF, empty cells, the list's
 * filters and order; and a million sessions streamed by a backend whose heap (160 MiB) is smaller
 * than the export, every row checked.
 */
class ExportIT extends DeployedStride {
  private static final String HEADER =
      "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
          + "maxHeartRate,notes,createdAt,updatedAt";
  private static final String[] FIELDS = HEADER.split(",");

  private Answer export(String query) {
    return api.get("/api/sessions" + query, "Accept", "text/csv");
  }

  private static List<CSVRecord> records(String csv) throws Exception {
    try (var parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  @Test
  void aHeaderThenEveryMatchingSessionQuotedAsRfc4180Says() throws Exception {
    String user = SessionJson.uniqueUser("csv");
    JsonArrayBuilder batch = Json.createArrayBuilder();
    List<String> notes =
        List.of(
            "plain", "a, comma", "a \"quote\"", "two\r\nlines", "", "=1+1", "\u00e8 \ud83c\udfc3");
    for (int i = 0; i < notes.size(); i++) {
      batch.add(
          SessionJson.complete(user)
              .add("startedAt", "2026-11-0" + (i + 1) + "T07:00:00+01:00")
              .add("notes", notes.get(i))
              .add("activity", i % 2 == 0 ? "running" : "yoga"));
    }
    batch.add(SessionJson.minimal(user).add("startedAt", "2026-10-01T00:00:00Z"));
    assertThat(api.postJson("/api/sessions/batch", batch.build().toString()).status())
        .isEqualTo(201);

    Answer csv = export("?userId=" + user + "&order=asc");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).matches("text/csv; ?charset=utf-8");
    assertThat(csv.header("Content-Disposition")).contains("attachment; filename=\"sessions.csv\"");
    assertThat(csv.body()).startsWith(HEADER + "\r\n").endsWith("\r\n");
    assertThat(csv.body()).contains(",\"a, comma\",", ",\"a \"\"quote\"\"\",", "\"two\r\nlines\"");
    assertThat(csv.body()).contains(",=1+1,"); // written as it is: the README warns

    List<JsonObject> listed = api.allSessionsOf(user);
    java.util.Collections.reverse(listed); // the JSON list is newest first
    List<CSVRecord> rows = records(csv.body());
    assertThat(rows.get(0).values()).containsExactly(FIELDS);
    assertThat(rows).hasSize(listed.size() + 1);
    for (int i = 0; i < listed.size(); i++) {
      assertThat(rows.get(i + 1).values()).containsExactly(cells(listed.get(i)));
    }
    CSVRecord bare = rows.get(1);
    assertThat(bare.get(5)).as("distanceMeters").isEmpty();
    assertThat(bare.get(9)).as("notes").isEmpty();
  }

  @Test
  void theListsFiltersAndOrderApplyAndLimitAndCursorDoNot() throws Exception {
    String user = SessionJson.uniqueUser("csvq");
    for (int day = 1; day <= 6; day++) {
      JsonObject session =
          SessionJson.withStart(
              user, "2026-09-0" + day + "T10:00:00Z", day % 2 == 0 ? "hiking" : "rowing");
      assertThat(api.postJson("/api/sessions", session.toString()).status()).isEqualTo(201);
    }
    List<CSVRecord> rows =
        records(
            export(
                    "?userId="
                        + user
                        + "&activity=hiking&from=2026-09-02T00:00:00Z&to=2026-09-06T00:00:00Z"
                        + "&limit=1&cursor=ignored")
                .body());
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.get(3))
        .containsExactly("2026-09-04T10:00:00Z", "2026-09-02T10:00:00Z");
    assertProblem(export("?userId=" + user + "&activity=napping"), 400);
    assertProblem(export("?order=sideways"), 400);
    // Without admin the export is the caller's own, as the list is; another user's is 403.
    String token = Tokens.secretOf(api, user, "read");
    Answer own = api.as(token).get("/api/sessions", "Accept", "text/csv");
    assertThat(records(own.body())).hasSize(7);
    assertProblem(api.as(token).get("/api/sessions?userId=x" + user, "Accept", "text/csv"), 403);
  }

  /** The cells of a session as the contract writes them, from its JSON. */
  private static String[] cells(JsonObject session) {
    String[] cells = new String[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      JsonValue value = session.get(FIELDS[i]);
      cells[i] =
          value == null || value == JsonValue.NULL
              ? ""
              : value instanceof JsonNumber number
                  ? number.toString()
                  : session.getString(FIELDS[i]);
    }
    return cells;
  }

  private static final int MILLION = 1_000_000;
  private static final String[] ACTIVITIES = {
    "running", "cycling", "swimming", "walking", "hiking", "rowing", "strength", "yoga", "other"
  };

  /** Session g of the million, as SQL stores it (see {@link #expectedRow}). */
  private static final String MILLION_ROWS =
      """
      INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters,
                            calories, avg_heart_rate, max_heart_rate, notes)
      SELECT lpad(to_hex(g), 32, '0')::uuid, '2000-01-01T00:00:00Z'::timestamptz + g * interval '1 minute',
             'million', (ARRAY['running','cycling','swimming','walking','hiking','rowing','strength',
                               'yoga','other'])[1 + g % 9],
             1 + g % 86400,
             CASE WHEN g % 5 = 0 THEN NULL ELSE (g % 100000) / 4.0 END,
             CASE WHEN g % 7 = 0 THEN NULL ELSE g % 20000 END,
             CASE WHEN g % 3 = 0 THEN NULL ELSE 100 + g % 50 END,
             CASE WHEN g % 3 = 0 THEN NULL ELSE 150 + g % 50 END,
             CASE g % 4 WHEN 0 THEN NULL WHEN 1 THEN 'note ' || g
                        WHEN 2 THEN 'with, comma "and"' || E'\\r\\n' || g ELSE '' END
      FROM generate_series(1, ROWS) g""";

  @Test
  void aMillionSessionsStreamThroughASmallHeapEveryRowAsStored() throws Exception {
    try (TestDatabase database = TestDatabase.fresh("export")) {
      SecondBackend backend =
          SecondBackend.launch(
                  database.name(),
                  Map.of(
                      "JAVA_OPTS",
                      "-Xms160m -Xmx160m -XX:+UseParallelGC -Xss512k -XX:MaxMetaspaceSize=128m"
                          + " -XX:+ExitOnOutOfMemoryError"))
              .awaitReady();
      try {
        database.execute(MILLION_ROWS.replace("ROWS", Integer.toString(MILLION)));
        database.execute("INSERT INTO session_ids SELECT id, started_at FROM sessions");
        String created = database.value("SELECT min(created_at) FROM sessions");
        assertThat(database.value("SELECT count(DISTINCT created_at) FROM sessions"))
            .isEqualTo("1");
        String createdAt =
            Instant.parse(
                    database.value(
                        "SELECT to_char(min(created_at) AT TIME ZONE 'UTC',"
                            + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM sessions"))
                .toString();
        assertThat(created).isNotNull();

        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create(backend.api().root() + "/api/sessions?userId=million&order=asc"))
                .header("Accept", "text/csv")
                .header("Authorization", "Bearer " + Tokens.admin())
                .timeout(Duration.ofMinutes(10))
                .build();
        HttpResponse<InputStream> answer =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Length")).isEmpty(); // streamed, chunked
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        long rows = 0;
        try (Reader body =
                new InputStreamReader(
                    new DigestInputStream(answer.body(), received), StandardCharsets.UTF_8);
            var parser = CSVFormat.RFC4180.parse(body)) {
          Iterator<CSVRecord> records = parser.iterator();
          assertThat(records.next().values()).containsExactly(FIELDS);
          while (records.hasNext()) {
            CSVRecord record = records.next();
            rows++;
            String[] row = expectedRow(rows, createdAt);
            assertThat(record.values()).as("row %d", rows).containsExactly(row);
            expected.update(line(row).getBytes(StandardCharsets.UTF_8));
          }
        }
        assertThat(rows).isEqualTo(MILLION);
        assertThat(HexFormat.of().formatHex(received.digest()))
            .as("checksum of every byte")
            .isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(backend.readiness().status()).as("still up after the export").isEqualTo(200);
      } finally {
        backend.close();
      }
    }
  }

  /** Session g of {@link #MILLION_ROWS} as the export must write it. */
  private static String[] expectedRow(long g, String createdAt) {
    String id = String.format("%032x", g);
    String uuid =
        id.substring(0, 8)
            + "-"
            + id.substring(8, 12)
            + "-"
            + id.substring(12, 16)
            + "-"
            + id.substring(16, 20)
            + "-"
            + id.substring(20);
    String notes =
        switch ((int) (g % 4)) {
          case 0 -> "";
          case 1 -> "note " + g;
          case 2 -> "with, comma \"and\"\r\n" + g;
          default -> "";
        };
    return new String[] {
      uuid,
      "million",
      ACTIVITIES[(int) (g % 9)],
      Instant.parse("2000-01-01T00:00:00Z").plusSeconds(60 * g).toString(),
      Long.toString(1 + g % 86400),
      g % 5 == 0 ? "" : Double.toString((g % 100000) / 4.0),
      g % 7 == 0 ? "" : Long.toString(g % 20000),
      g % 3 == 0 ? "" : Long.toString(100 + g % 50),
      g % 3 == 0 ? "" : Long.toString(150 + g % 50),
      notes,
      createdAt,
      createdAt
    };
  }

  /** A row as RFC 4180 writes it: quoted only where a value needs it, CRLF at the end. */
  private static String line(String[] cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add(
          cell.matches(".*[\",\r\n].*") || cell.contains("\n")
              ? "\"" + cell.replace("\"", "\"\"") + "\""
              : cell);
    }
    return String.join(",", quoted) + "\r\n";
  }
}
