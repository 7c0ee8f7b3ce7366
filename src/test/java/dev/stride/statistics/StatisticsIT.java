package dev.stride.statistics;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.sessions.entity.Activity;
import dev.stride.statistics.StatisticsModel.Filter;
import dev.stride.statistics.StatisticsModel.Stats;
import dev.stride.statistics.StatisticsModel.Totals;
import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.Deployments;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statistics as a client sees them: sessions are recorded through the API, and every field of
 * {@code /stats} and {@code /stats/series} is compared with {@link StatisticsModel}, which computes
 * the same figures in plain Java; the calendar edges (DST changes, a +05:30 zone, weeks and months)
 * are also checked against figures worked out by hand.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {
  private static final List<String> STATS_FIELDS =
      List.of(
          "userId",
          "from",
          "to",
          "tz",
          "sessionCount",
          "totalDurationSeconds",
          "totalDistanceMeters",
          "totalCalories",
          "avgDurationSeconds",
          "avgHeartRate",
          "maxHeartRate",
          "firstSessionAt",
          "lastSessionAt",
          "activeDays",
          "longestStreakDays",
          "byActivity");
  private static final List<String> TOTALS_FIELDS =
      List.of("sessionCount", "totalDurationSeconds", "totalDistanceMeters", "totalCalories");
  private static final List<String> ACTIVITIES =
      Arrays.stream(Activity.values()).map(Activity::wireName).toList();
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stride();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(Deployments.onLoopback(deployed));
  }

  @Test
  void randomSessionsGiveTheFiguresComputedInJavaForEveryFilterAndZone() {
    String user = uniqueUser("random");
    List<Recorded> sessions = randomSessions(user, new Random(20261126L));
    record(sessions);
    // Another user's sessions must not count.
    record(randomSessions(uniqueUser("other"), new Random(7L)).subList(0, 20));

    List<Query> queries = new ArrayList<>();
    for (String tz :
        List.of(
            "UTC",
            "Europe/Rome",
            "America/Los_Angeles",
            "Asia/Kolkata",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "America/St_Johns",
            "Etc/GMT+5")) {
      queries.add(new Query(null, null, List.of(), tz));
    }
    queries.add(new Query(null, null, List.of(), null));
    queries.add(new Query("2026-03-15T10:00:00+05:30", null, List.of(), "Asia/Kolkata"));
    queries.add(new Query(null, "2026-06-01T00:00:00-07:00", List.of(), "America/Los_Angeles"));
    queries.add(
        new Query("2026-02-01T00:00:00+01:00", "2026-09-30T12:34:56.5Z", List.of(), "Europe/Rome"));
    queries.add(new Query(null, null, List.of("running"), null));
    queries.add(new Query(null, null, List.of("yoga", "running", "cycling"), "Europe/Rome"));
    queries.add(new Query(null, null, List.of("running", "running"), "UTC"));
    queries.add(
        new Query(
            "2026-04-01T00:00:00Z",
            "2026-08-01T00:00:00Z",
            List.of("walking", "swimming"),
            "America/Los_Angeles"));
    queries.add(
        new Query("2030-01-01T00:00:00Z", null, List.of(), "Asia/Kolkata")); // matches nothing

    for (Query query : queries) {
      assertStatsMatchModel(user, sessions, query);
      for (String bucket : new String[] {null, "day", "week", "month"}) {
        assertSeriesMatchModel(user, sessions, query, bucket);
      }
    }
  }

  @Test
  void aUserWithoutSessionsHasZeroCountsNullsAndNoBuckets() {
    String user = uniqueUser("nobody");

    JsonObject stats = get("/api/users/" + user + "/stats");
    assertStats(stats, user, null, null, "UTC", StatisticsModel.stats(List.of(), Filter.none(UTC)));
    assertThat(stats.getJsonNumber("totalDistanceMeters").toString()).isEqualTo("0.0");
    assertThat(stats.get("avgDurationSeconds")).isEqualTo(JsonValue.NULL);
    assertThat(stats.getJsonArray("byActivity")).isEmpty();

    JsonObject filtered =
        get(
            "/api/users/"
                + user
                + "/stats?tz=Asia/Kolkata&activity=yoga&from="
                + encode("2026-01-01T01:00:00+01:00")
                + "&to="
                + encode("2026-02-01T05:30:00+05:30"));
    assertThat(filtered.getString("from")).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(filtered.getString("to")).isEqualTo("2026-02-01T00:00:00Z");
    assertThat(filtered.getString("tz")).isEqualTo("Asia/Kolkata");
    assertThat(filtered.getInt("sessionCount")).isZero();

    for (String bucket : List.of("day", "week", "month")) {
      JsonObject series = get("/api/users/" + user + "/stats/series?bucket=" + bucket);
      assertThat(new ArrayList<>(series.keySet()))
          .containsExactly("userId", "bucket", "tz", "items");
      assertThat(series.getString("bucket")).isEqualTo(bucket);
      assertThat(series.getJsonArray("items")).isEmpty();
    }
  }

  @Test
  void streaksFollowRomanDaysAcrossBothDaylightSavingChanges() {
    String user = uniqueUser("rome");
    List<Recorded> sessions =
        List.of(
            // Spring forward on Sunday 2026-03-29 at 02:00: the Roman days 28, 29, 30 are UTC's
            // 28, 28, 29.
            Recorded.minimal(user, "running", "2026-03-28T23:30:00+01:00", 1800),
            Recorded.minimal(user, "running", "2026-03-29T00:30:00+01:00", 1800),
            Recorded.minimal(user, "running", "2026-03-30T00:15:00+02:00", 1800),
            // Fall back on Sunday 2026-10-25 at 03:00: 02:30 happens twice, both on the 25th.
            Recorded.minimal(user, "yoga", "2026-10-24T23:59:59+02:00", 600),
            Recorded.minimal(user, "yoga", "2026-10-25T02:30:00+02:00", 600),
            Recorded.minimal(user, "yoga", "2026-10-25T02:30:00+01:00", 600),
            Recorded.minimal(user, "yoga", "2026-10-26T00:00:00+01:00", 600));
    record(sessions);
    String spring =
        "&from=" + encode("2026-03-01T00:00:00Z") + "&to=" + encode("2026-04-01T00:00:00Z");
    String autumn =
        "&from=" + encode("2026-10-01T00:00:00Z") + "&to=" + encode("2026-11-01T00:00:00Z");

    assertDays(user, "Europe/Rome", spring, 3, 3);
    assertDays(user, "UTC", spring, 2, 2);
    assertDays(user, "Europe/Rome", autumn, 3, 3);
    assertDays(user, "UTC", autumn, 2, 2); // 24th 21:59:59Z; 25th 00:30Z, 01:30Z and 23:00Z
    assertDays(user, "Europe/Rome", "", 6, 3);

    assertBuckets(user, "Europe/Rome", "week", spring, Map.of("2026-03-23", 2, "2026-03-30", 1));
    assertBuckets(user, "UTC", "week", spring, Map.of("2026-03-23", 3));
    assertBuckets(
        user,
        "Europe/Rome",
        "day",
        autumn,
        Map.of("2026-10-24", 1, "2026-10-25", 2, "2026-10-26", 1));
    for (String tz : List.of("Europe/Rome", "UTC")) {
      assertStatsMatchModel(user, sessions, new Query(null, null, List.of(), tz));
      for (String bucket : List.of("day", "week", "month")) {
        assertSeriesMatchModel(user, sessions, new Query(null, null, List.of(), tz), bucket);
      }
    }
  }

  @Test
  void streaksFollowLosAngelesDaysAcrossBothDaylightSavingChanges() {
    String user = uniqueUser("la");
    List<Recorded> sessions =
        List.of(
            // Spring forward on Sunday 2026-03-08 at 02:00 (a 23-hour day).
            Recorded.minimal(user, "cycling", "2026-03-07T23:00:00-08:00", 3600),
            Recorded.minimal(user, "cycling", "2026-03-08T01:59:59-08:00", 3600),
            Recorded.minimal(user, "cycling", "2026-03-08T03:00:00-07:00", 3600),
            Recorded.minimal(user, "cycling", "2026-03-09T00:00:00-07:00", 3600),
            // Fall back on Sunday 2026-11-01 at 02:00 (a 25-hour day; 01:30 happens twice).
            Recorded.minimal(user, "walking", "2026-10-31T23:30:00-07:00", 1200),
            Recorded.minimal(user, "walking", "2026-11-01T01:30:00-07:00", 1200),
            Recorded.minimal(user, "walking", "2026-11-01T01:30:00-08:00", 1200),
            Recorded.minimal(user, "walking", "2026-11-01T23:30:00-08:00", 1200),
            Recorded.minimal(user, "walking", "2026-11-02T00:30:00-08:00", 1200));
    record(sessions);
    String spring = "&activity=cycling";
    String autumn = "&activity=walking";

    assertDays(user, "America/Los_Angeles", spring, 3, 3);
    assertDays(user, "UTC", spring, 2, 2); // 8th 07:00Z, 8th 09:59:59Z, 8th 10:00Z, 9th 07:00Z
    assertDays(user, "America/Los_Angeles", autumn, 3, 3);
    assertDays(user, "UTC", autumn, 2, 2);

    assertBuckets(
        user, "America/Los_Angeles", "month", autumn, Map.of("2026-10-01", 1, "2026-11-01", 4));
    assertBuckets(user, "UTC", "month", autumn, Map.of("2026-11-01", 5));
    assertBuckets(
        user, "America/Los_Angeles", "week", autumn, Map.of("2026-10-26", 4, "2026-11-02", 1));
    assertBuckets(user, "UTC", "week", autumn, Map.of("2026-10-26", 3, "2026-11-02", 2));
    assertBuckets(
        user,
        "America/Los_Angeles",
        "day",
        spring,
        Map.of("2026-03-07", 1, "2026-03-08", 2, "2026-03-09", 1));
    for (String tz : List.of("America/Los_Angeles", "UTC")) {
      for (List<String> activity : List.of(List.<String>of(), List.of("walking"))) {
        Query query = new Query(null, null, activity, tz);
        assertStatsMatchModel(user, sessions, query);
        for (String bucket : List.of("day", "week", "month")) {
          assertSeriesMatchModel(user, sessions, query, bucket);
        }
      }
    }
  }

  @Test
  void daysOfAHalfHourZoneBeginAt1830Utc() {
    String user = uniqueUser("kolkata");
    List<Recorded> sessions =
        List.of(
            Recorded.minimal(user, "running", "2026-05-10T18:29:59Z", 900), // 10th 23:59:59 IST
            Recorded.minimal(user, "running", "2026-05-10T18:30:00Z", 900), // 11th 00:00 IST
            Recorded.minimal(user, "running", "2026-05-11T18:29:59.999999Z", 900), // 11th
            Recorded.minimal(user, "running", "2026-05-12T18:30:00Z", 900)); // 13th 00:00 IST
    record(sessions);

    assertDays(user, "Asia/Kolkata", "", 3, 2);
    assertDays(user, "UTC", "", 3, 3);
    assertBuckets(
        user, "Asia/Kolkata", "day", "", Map.of("2026-05-10", 1, "2026-05-11", 2, "2026-05-13", 1));
    // from is inclusive, to exclusive, to the microsecond.
    String range = "&from=2026-05-10T18:30:00Z&to=" + encode("2026-05-13T00:00:00+05:30");
    assertDays(user, "Asia/Kolkata", range, 1, 1);
    JsonObject stats = get("/api/users/" + user + "/stats?tz=Asia/Kolkata" + range);
    assertThat(stats.getInt("sessionCount")).isEqualTo(2);
    assertThat(stats.getString("firstSessionAt")).isEqualTo("2026-05-10T18:30:00Z");
    assertThat(stats.getString("lastSessionAt")).isEqualTo("2026-05-11T18:29:59.999999Z");
    assertThat(stats.getString("to")).isEqualTo("2026-05-12T18:30:00Z");
    Query query = new Query(null, null, List.of(), "Asia/Kolkata");
    assertStatsMatchModel(user, sessions, query);
    assertSeriesMatchModel(user, sessions, query, "day");
  }

  @Test
  void weeksStartOnMondayAndMonthsOnTheFirstInTheZone() {
    String user = uniqueUser("edges");
    List<Recorded> sessions =
        List.of(
            Recorded.minimal(user, "rowing", "2025-12-31T23:59:59+01:00", 100), // Wednesday
            Recorded.minimal(user, "rowing", "2026-01-01T00:00:00+01:00", 200), // Thursday
            Recorded.minimal(user, "rowing", "2026-01-04T23:59:59+01:00", 300), // Sunday
            Recorded.minimal(user, "rowing", "2026-01-05T00:00:00+01:00", 400), // Monday
            Recorded.minimal(user, "rowing", "2026-02-28T23:59:59+01:00", 500), // Saturday
            Recorded.minimal(user, "rowing", "2026-03-01T00:00:00+01:00", 600)); // Sunday
    record(sessions);

    assertBuckets(
        user, "Europe/Rome", "week", "", Map.of("2025-12-29", 3, "2026-01-05", 1, "2026-02-23", 2));
    assertBuckets(
        user,
        "Europe/Rome",
        "month",
        "",
        Map.of("2025-12-01", 1, "2026-01-01", 3, "2026-02-01", 1, "2026-03-01", 1));
    // In UTC every one of them is an hour earlier: Monday 00:00 is still Sunday, the first of a
    // month still the last day of the one before.
    assertBuckets(user, "UTC", "week", "", Map.of("2025-12-29", 4, "2026-02-23", 2));
    assertBuckets(
        user, "UTC", "month", "", Map.of("2025-12-01", 2, "2026-01-01", 2, "2026-02-01", 2));
    JsonObject week =
        get("/api/users/" + user + "/stats/series?tz=Europe/Rome")
            .getJsonArray("items")
            .get(0)
            .asJsonObject();
    assertThat(week.getInt("totalDurationSeconds")).isEqualTo(600);
    for (String tz : List.of("Europe/Rome", "UTC", "Pacific/Chatham")) {
      for (String bucket : List.of("day", "week", "month")) {
        assertSeriesMatchModel(user, sessions, new Query(null, null, List.of(), tz), bucket);
      }
    }
  }

  @Test
  void sumsAndAveragesCoverOnlySessionsThatHaveTheFieldAndKeepTheirDecimalPoint() {
    String user = uniqueUser("sums");
    List<Recorded> sessions = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      sessions.add(
          new Recorded(
              user,
              "cycling",
              Instant.parse("2026-06-01T08:00:00Z").plus(i, ChronoUnit.DAYS),
              1800,
              1_000_000.0,
              null,
              i < 2 ? 140 + i : null,
              i == 5 ? 181 : null));
    }
    sessions.add(
        new Recorded(
            user, "yoga", Instant.parse("2026-06-20T18:00:00Z"), 3601, 0.25, 250, null, null));
    record(sessions);

    Answer answer = api.get("/api/users/" + user + "/stats");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.body())
        .contains("\"totalDistanceMeters\":11000000.25")
        .contains("\"totalDistanceMeters\":11000000.0")
        .contains("\"avgHeartRate\":140.5")
        .contains("\"maxHeartRate\":181")
        .contains("\"totalCalories\":250")
        .contains("\"longestStreakDays\":11");
    assertStatsMatchModel(user, sessions, new Query(null, null, List.of(), null));
  }

  @Test
  void aRecordedSessionCountsAtOnceAndADeletedOneNoMore() {
    String user = uniqueUser("ryw");
    for (int i = 1; i <= 3; i++) {
      Recorded session = Recorded.minimal(user, "hiking", "2026-07-0" + i + "T10:00:00Z", 1000 * i);
      Answer created = api.postJson("/api/sessions", session.toJson().toString());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonObject stats = get("/api/users/" + user + "/stats");
      assertThat(stats.getInt("sessionCount")).isEqualTo(i);
      assertThat(stats.getInt("longestStreakDays")).isEqualTo(i);
      assertThat(get("/api/users/" + user + "/stats/series?bucket=day").getJsonArray("items"))
          .hasSize(i);
      if (i == 3) {
        assertThat(api.delete("/api/sessions/" + created.json().getString("id")).status())
            .isEqualTo(204);
        JsonObject after = get("/api/users/" + user + "/stats");
        assertThat(after.getInt("sessionCount")).isEqualTo(2);
        assertThat(after.getInt("totalDurationSeconds")).isEqualTo(3000);
      }
    }
  }

  @Test
  void invalidParametersAre400ProblemsNamingEveryOne() {
    String ok = "/api/users/u1/stats";
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("/api/users/-u1/stats", List.of("userId"));
    cases.put("/api/users/" + "u".repeat(65) + "/stats/series", List.of("userId"));
    cases.put("/api/users/u%C3%A9/stats", List.of("userId"));
    for (String tz :
        List.of(
            "Mars/Olympus_Mons",
            "europe/rome",
            "%2B05:30",
            "Z",
            "UTC%2B01:00",
            "GMT",
            "CET",
            "EST5EDT",
            "SystemV/EST5",
            "")) {
      cases.put(ok + "?tz=" + tz, List.of("tz"));
      cases.put(ok + "/series?tz=" + tz, List.of("tz"));
    }
    for (String bucket : List.of("year", "WEEK", "days", "")) {
      cases.put(ok + "/series?bucket=" + bucket, List.of("bucket"));
    }
    cases.put(ok + "?activity=jogging", List.of("activity"));
    cases.put(ok + "?activity=running&activity=Running", List.of("activity"));
    cases.put(ok + "/series?activity=", List.of("activity"));
    cases.put(ok + "?from=yesterday", List.of("from"));
    cases.put(ok + "?from=2026-02-30T00:00:00Z", List.of("from"));
    cases.put(ok + "/series?to=2026-01-01", List.of("to"));
    cases.put(ok + "?to=2026-01-01T00:00:00", List.of("to"));
    cases.put(
        ok + "?from=2026-01-01T00:00:00Z&to=" + encode("2026-01-01T01:00:00+01:00"),
        List.of("from"));
    cases.put(ok + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", List.of("from"));
    cases.put(
        "/api/users/_x/stats/series?tz=Nowhere&bucket=hour&activity=run&from=x&to=y",
        List.of("userId", "from", "to", "activity", "tz", "bucket"));

    cases.forEach(
        (path, fields) -> {
          Answer answer = api.get(path);
          assertProblem(answer, 400);
          assertThat(answer.errorFields()).as(path).containsExactlyInAnyOrderElementsOf(fields);
        });
  }

  @Test
  void theAcceptedZonesIncludeUtcRegionsAndEtcOffsets() {
    String user = uniqueUser("zones");
    List<Recorded> sessions =
        List.of(
            Recorded.minimal(user, "other", "2026-01-01T04:59:59Z", 60),
            Recorded.minimal(user, "other", "2026-01-01T05:00:00Z", 60));
    record(sessions);
    // Etc/GMT+5 is five hours west of Greenwich (the tz database's POSIX-style sign).
    assertBuckets(user, "Etc/GMT%2B5", "day", "", Map.of("2025-12-31", 1, "2026-01-01", 1));
    for (String tz :
        List.of(
            "UTC", "Etc/UTC", "America/Argentina/Buenos_Aires", "Asia/Kathmandu", "US/Pacific")) {
      assertStatsMatchModel(user, sessions, new Query(null, null, List.of(), tz));
    }
  }

  @Test
  void theOpenApiDocumentDescribesBothEndpointsAndEveryField() {
    Api operations = new Api(URI.create("http://127.0.0.1:" + deployed.getPort())).as(null);
    Answer openapi = operations.get("/openapi?format=JSON");
    assertThat(openapi.status()).isEqualTo(200);
    JsonObject document = openapi.json();
    assertThat(document.getJsonObject("paths").keySet())
        .anyMatch(path -> path.endsWith("/api/users/{userId}/stats"))
        .anyMatch(path -> path.endsWith("/api/users/{userId}/stats/series"));
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.getJsonObject("UserStats").getJsonObject("properties").keySet())
        .containsExactlyInAnyOrderElementsOf(STATS_FIELDS);
    assertThat(schemas.getJsonObject("UserSeries").getJsonObject("properties").keySet())
        .containsExactlyInAnyOrder("userId", "bucket", "tz", "items");
    List<String> totals = new ArrayList<>(TOTALS_FIELDS);
    totals.add("start");
    assertThat(schemas.getJsonObject("SeriesItem").getJsonObject("properties").keySet())
        .containsExactlyInAnyOrderElementsOf(totals);
    totals.set(totals.size() - 1, "activity");
    assertThat(schemas.getJsonObject("ActivityStats").getJsonObject("properties").keySet())
        .containsExactlyInAnyOrderElementsOf(totals);
    assertThat(openapi.body())
        .contains("application/problem+json", "Offsets (`+05:30`", "weeks starting on Monday");
  }

  // --- the comparison with the model ---

  /** The parameters of one request; null and empty mean "not given". */
  record Query(String from, String to, List<String> activities, String tz) {
    String parameters() {
      List<String> parameters = new ArrayList<>();
      if (from != null) {
        parameters.add("from=" + encode(from));
      }
      if (to != null) {
        parameters.add("to=" + encode(to));
      }
      activities.forEach(a -> parameters.add("activity=" + a));
      if (tz != null) {
        parameters.add("tz=" + encode(tz));
      }
      return String.join("&", parameters);
    }

    Filter filter() {
      return new Filter(
          from == null ? null : OffsetDateTime.parse(from).toInstant(),
          to == null ? null : OffsetDateTime.parse(to).toInstant(),
          Set.copyOf(activities),
          ZoneId.of(tz == null ? "UTC" : tz));
    }
  }

  private void assertStatsMatchModel(String user, List<Recorded> sessions, Query query) {
    JsonObject stats = get("/api/users/" + user + "/stats?" + query.parameters());
    Filter filter = query.filter();
    assertStats(
        stats,
        user,
        filter.from(),
        filter.to(),
        query.tz() == null ? "UTC" : query.tz(),
        StatisticsModel.stats(sessions, filter));
  }

  private void assertSeriesMatchModel(
      String user, List<Recorded> sessions, Query query, String bucket) {
    String parameters = query.parameters() + (bucket == null ? "" : "&bucket=" + bucket);
    JsonObject series = get("/api/users/" + user + "/stats/series?" + parameters);
    String described = parameters + " -> " + series;
    String expectedBucket = bucket == null ? "week" : bucket;
    assertThat(new ArrayList<>(series.keySet()))
        .as(described)
        .containsExactly("userId", "bucket", "tz", "items");
    assertThat(series.getString("userId")).isEqualTo(user);
    assertThat(series.getString("bucket")).isEqualTo(expectedBucket);
    assertThat(series.getString("tz")).isEqualTo(query.tz() == null ? "UTC" : query.tz());
    TreeMap<LocalDate, Totals> expected =
        StatisticsModel.series(sessions, query.filter(), expectedBucket);
    JsonArray items = series.getJsonArray("items");
    assertThat(items).as(described).hasSize(expected.size());
    int i = 0;
    for (Map.Entry<LocalDate, Totals> bucketTotals : expected.entrySet()) {
      JsonObject item = items.getJsonObject(i++);
      assertThat(new ArrayList<>(item.keySet()))
          .as(described)
          .containsExactly(
              "start",
              "sessionCount",
              "totalDurationSeconds",
              "totalDistanceMeters",
              "totalCalories");
      assertThat(item.getString("start")).as(described).isEqualTo(bucketTotals.getKey().toString());
      assertTotals(item, bucketTotals.getValue(), described);
    }
  }

  private static void assertStats(
      JsonObject stats, String user, Instant from, Instant to, String tz, Stats expected) {
    String described = stats.toString();
    assertThat(new ArrayList<>(stats.keySet()))
        .as(described)
        .containsExactlyElementsOf(STATS_FIELDS);
    assertThat(stats.getString("userId")).isEqualTo(user);
    assertInstant(stats, "from", from);
    assertInstant(stats, "to", to);
    assertThat(stats.getString("tz")).isEqualTo(tz);
    assertTotals(stats, expected.totals(), described);
    assertDecimal(stats, "avgDurationSeconds", expected.avgDurationSeconds(), described);
    assertDecimal(stats, "avgHeartRate", expected.avgHeartRate(), described);
    if (expected.maxHeartRate() == null) {
      assertThat(stats.get("maxHeartRate")).as(described).isEqualTo(JsonValue.NULL);
    } else {
      assertInteger(stats, "maxHeartRate", expected.maxHeartRate(), described);
    }
    assertInstant(stats, "firstSessionAt", expected.firstSessionAt());
    assertInstant(stats, "lastSessionAt", expected.lastSessionAt());
    assertInteger(stats, "activeDays", expected.activeDays(), described);
    assertInteger(stats, "longestStreakDays", expected.longestStreakDays(), described);
    JsonArray byActivity = stats.getJsonArray("byActivity");
    assertThat(byActivity).as(described).hasSize(expected.byActivity().size());
    int i = 0;
    for (Map.Entry<String, Totals> activity : expected.byActivity().entrySet()) {
      JsonObject item = byActivity.getJsonObject(i++);
      List<String> fields = new ArrayList<>(List.of("activity"));
      fields.addAll(TOTALS_FIELDS);
      assertThat(new ArrayList<>(item.keySet())).as(described).containsExactlyElementsOf(fields);
      assertThat(item.getString("activity")).as(described).isEqualTo(activity.getKey());
      assertTotals(item, activity.getValue(), described);
    }
  }

  private static void assertTotals(JsonObject json, Totals expected, String described) {
    assertInteger(json, "sessionCount", expected.sessionCount(), described);
    assertInteger(json, "totalDurationSeconds", expected.durationSeconds(), described);
    assertDecimal(json, "totalDistanceMeters", expected.distanceMeters(), described);
    assertInteger(json, "totalCalories", expected.calories(), described);
  }

  private static void assertInteger(JsonObject json, String name, long expected, String described) {
    JsonNumber number = json.getJsonNumber(name);
    assertThat(number.isIntegral()).as(name + " is an integer in " + described).isTrue();
    assertThat(number.longValueExact()).as(name + " in " + described).isEqualTo(expected);
  }

  /** A double, exactly: the test's distances are multiples of 0.25, so every sum is exact. */
  private static void assertDecimal(
      JsonObject json, String name, Double expected, String described) {
    if (expected == null) {
      assertThat(json.get(name)).as(name + " in " + described).isEqualTo(JsonValue.NULL);
      return;
    }
    JsonNumber number = json.getJsonNumber(name);
    assertThat(number.toString()).as(name + " has a decimal point in " + described).contains(".");
    assertThat(number.toString()).as(name + " has no exponent in " + described).doesNotContain("E");
    assertThat(number.doubleValue()).as(name + " in " + described).isEqualTo(expected);
  }

  private static void assertInstant(JsonObject json, String name, Instant expected) {
    if (expected == null) {
      assertThat(json.get(name)).as(name).isEqualTo(JsonValue.NULL);
    } else {
      assertThat(json.getString(name)).as(name).endsWith("Z");
      assertThat(Instant.parse(json.getString(name))).as(name).isEqualTo(expected);
    }
  }

  private void assertDays(String user, String tz, String filter, int activeDays, int streak) {
    JsonObject stats = get("/api/users/" + user + "/stats?tz=" + tz + filter);
    assertThat(stats.getInt("activeDays")).as(tz + filter + ": " + stats).isEqualTo(activeDays);
    assertThat(stats.getInt("longestStreakDays")).as(tz + filter + ": " + stats).isEqualTo(streak);
  }

  private void assertBuckets(
      String user, String tz, String bucket, String filter, Map<String, Integer> counts) {
    JsonObject series =
        get("/api/users/" + user + "/stats/series?bucket=" + bucket + "&tz=" + tz + filter);
    Map<String, Integer> actual = new TreeMap<>();
    series
        .getJsonArray("items")
        .forEach(
            item ->
                actual.put(
                    item.asJsonObject().getString("start"),
                    item.asJsonObject().getInt("sessionCount")));
    assertThat(actual)
        .as(tz + " " + bucket + filter)
        .containsExactlyEntriesOf(new TreeMap<>(counts));
  }

  // --- data ---

  /**
   * About 250 sessions over 2025-11 ... 2026-10: runs of active days, one to three sessions a day
   * at any time (so that many fall near some zone's midnight), and optional fields often missing.
   */
  private static List<Recorded> randomSessions(String user, Random random) {
    List<Recorded> sessions = new ArrayList<>();
    Instant day = Instant.parse("2025-11-01T00:00:00Z");
    Instant end = Instant.parse("2026-11-01T00:00:00Z");
    boolean active = false;
    while (day.isBefore(end)) {
      active = random.nextDouble() < (active ? 0.75 : 0.3);
      int count = active ? 1 + random.nextInt(random.nextInt(10) == 0 ? 3 : 1) : 0;
      for (int i = 0; i < count; i++) {
        Instant start = day.plusSeconds(random.nextInt(86_400));
        Integer avg = random.nextInt(10) < 7 ? 20 + random.nextInt(231) : null;
        int lowest = avg == null ? 20 : avg; // the contract: max not below avg
        Integer max = random.nextInt(10) < 6 ? lowest + random.nextInt(251 - lowest) : null;
        sessions.add(
            new Recorded(
                user,
                ACTIVITIES.get(random.nextInt(ACTIVITIES.size())),
                start,
                random.nextInt(20) == 0 ? 1 + random.nextInt(86_400) : 600 + random.nextInt(6_600),
                random.nextInt(10) < 7 ? random.nextInt(4_000_001) * 0.25 : null,
                random.nextInt(10) < 7 ? random.nextInt(20_001) : null,
                avg,
                max));
      }
      day = day.plus(1, ChronoUnit.DAYS);
    }
    // Two sessions at the same instant, one without any optional field: they count apart.
    Instant same = Instant.parse("2026-02-14T23:30:00Z");
    sessions.add(new Recorded(user, "yoga", same, 1200, null, null, null, null));
    sessions.add(new Recorded(user, "yoga", same, 1300, 0.0, 0, 20, 20));
    return sessions;
  }

  private void record(List<Recorded> sessions) {
    for (Recorded session : sessions) {
      Answer created = api.postJson("/api/sessions", session.toJson().toString());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
  }

  private JsonObject get(String path) {
    Answer answer = api.get(path);
    assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    return answer.json();
  }

  private static String uniqueUser(String prefix) {
    return "stats-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
