package dev.stride.activityfiles;

import static dev.stride.activityfiles.TrackFiles.gpx;
import static dev.stride.activityfiles.TrackFiles.gzip;
import static dev.stride.activityfiles.TrackFiles.meridian;
import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Sport;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's "Activity files" end to end: import in every format and gzipped, the session's
 * fields by the rules, deduplication, samples and their thinning, the original file, deletion of
 * both, access, and files that must be refused without a 5xx and without storing anything.
 */
class ActivityFilesIT extends DeployedStride {
  static final String GPX = "application/gpx+xml";
  static final String TCX = "application/vnd.garmin.tcx+xml";
  static final String FIT = "application/vnd.ant.fit";
  static final Instant START = Instant.parse("2026-10-04T07:00:00Z");

  static String user(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  Answer importFile(String userId, byte[] file, String type) {
    return api.post("/api/sessions/import?userId=" + userId, file, type);
  }

  /** 11 points 10 s apart, 0.001° north each; heart rate 100 for the first 50 s, then 160. */
  static final List<TrackFiles.Point> RUN = meridian(START, 11, 10, 0.001, i -> i < 5 ? 100 : 160);

  @Test
  void aGpxFileBecomesASessionByTheContractsRules() throws Exception {
    String user = user("gpx");
    byte[] file = gpx("running", "Morning run", RUN);

    Answer created = importFile(user, file, GPX);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject session = created.json();
    String id = session.getString("id");
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));
    assertThat(session.getString("userId")).isEqualTo(user);
    assertThat(session.getString("activity")).isEqualTo("running");
    assertThat(session.getString("startedAt")).isEqualTo("2026-10-04T07:00:00Z");
    assertThat(session.getInt("durationSeconds")).isEqualTo(100);
    assertThat(session.getJsonNumber("distanceMeters").doubleValue())
        .isCloseTo(TrackFiles.meridianMeters(11, 0.001), within(1e-6));
    // 100 bpm holds for 50 s, 160 bpm for the 50 s after: (100×50 + 160×50) / 100.
    assertThat(session.getInt("avgHeartRate")).isEqualTo(130);
    assertThat(session.getInt("maxHeartRate")).isEqualTo(160);
    assertThat(session.isNull("calories")).isTrue();
    assertThat(session.getString("notes")).isEqualTo("Morning run");
    JsonObject source = session.getJsonObject("source");
    assertThat(source.getString("format")).isEqualTo("gpx");
    assertThat(source.getString("sha256")).isEqualTo(sha256(file));
    assertThat(source.getInt("samples")).isEqualTo(11);

    // The same bytes again, also gzipped (the file is the decompressed one): the stored session.
    for (Answer again :
        List.of(importFile(user, file, GPX), importFile(user, gzip(file), "application/gzip"))) {
      assertThat(again.status()).as(again.toString()).isEqualTo(200);
      assertThat(again.json()).isEqualTo(session);
    }
    assertThat(api.allSessionsOf(user)).hasSize(1);
    // It is a session like any other: read, listed, counted.
    assertThat(api.get("/api/sessions/" + id).json()).isEqualTo(session);
    assertThat(api.get("/api/users/" + user + "/stats").json().getInt("sessionCount")).isEqualTo(1);

    // Another user importing the same file gets a session of their own.
    Answer other = importFile(user("gpx-other"), file, GPX);
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.json().getString("id")).isNotEqualTo(id);
  }

  @Test
  void samplesComeInTimeOrderAndThinEvenlyKeepingFirstAndLast() {
    String user = user("samples");
    String id = importFile(user, gpx("running", "r", RUN), GPX).json().getString("id");

    JsonObject all = api.get("/api/sessions/" + id + "/samples").json();
    assertThat(all.getString("sessionId")).isEqualTo(id);
    assertThat(all.getJsonArray("fields").getValuesAs(JsonValue::toString))
        .containsExactly(
            "\"offsetSeconds\"",
            "\"latitude\"",
            "\"longitude\"",
            "\"elevationMeters\"",
            "\"distanceMeters\"",
            "\"heartRate\"",
            "\"cadence\"",
            "\"powerWatts\"",
            "\"speedMetersPerSecond\"");
    JsonArray points = all.getJsonArray("points");
    assertThat(points).hasSize(11);
    JsonArray first = points.getJsonArray(0);
    assertThat(first.getInt(0)).isZero();
    assertThat(first.getJsonNumber(1).doubleValue()).isEqualTo(45.0);
    assertThat(first.getJsonNumber(2).doubleValue()).isEqualTo(9.0);
    assertThat(first.getJsonNumber(3).doubleValue()).isEqualTo(100.0);
    assertThat(first.getJsonNumber(4).doubleValue()).isEqualTo(0.0);
    assertThat(first.getInt(5)).isEqualTo(100);
    assertThat(first.isNull(6) && first.isNull(7) && first.isNull(8)).isTrue();
    JsonArray last = points.getJsonArray(10);
    assertThat(last.getInt(0)).isEqualTo(100);
    assertThat(last.getJsonNumber(4).doubleValue())
        .isCloseTo(TrackFiles.meridianMeters(11, 0.001), within(1e-6));

    JsonArray three =
        api.get("/api/sessions/" + id + "/samples?maxPoints=3").json().getJsonArray("points");
    assertThat(three.stream().map(p -> p.asJsonArray().getInt(0)).toList())
        .containsExactly(0, 50, 100);
    JsonArray two =
        api.get("/api/sessions/" + id + "/samples?maxPoints=2").json().getJsonArray("points");
    assertThat(two.stream().map(p -> p.asJsonArray().getInt(0)).toList()).containsExactly(0, 100);
    assertThat(
            api.get("/api/sessions/" + id + "/samples?maxPoints=100000")
                .json()
                .getJsonArray("points"))
        .hasSize(11);

    for (String bad : List.of("1", "100001", "x", "2.5", "")) {
      Answer refused = api.get("/api/sessions/" + id + "/samples?maxPoints=" + bad);
      assertProblem(refused, 400);
      assertThat(refused.errorFields()).containsExactly("maxPoints");
    }
  }

  @Test
  void theOriginalFileComesBackAsItWasSentAndGoesWithItsSession() throws Exception {
    String user = user("file");
    byte[] file = gpx("cycling", "ride", RUN);
    String id = importFile(user, gzip(file), "application/gzip").json().getString("id");

    var original = api.getBytes("/api/sessions/" + id + "/file");
    assertThat(original.status()).isEqualTo(200);
    assertThat(original.body()).isEqualTo(file); // decompressed
    assertThat(original.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(GPX));
    assertThat(original.header("Content-Disposition"))
        .hasValue("attachment; filename=\"" + id + ".gpx\"");

    assertThat(api.delete("/api/sessions/" + id).status()).isEqualTo(204);
    assertProblem(api.get("/api/sessions/" + id + "/file"), 404);
    assertProblem(api.get("/api/sessions/" + id + "/samples"), 404);
    TestDatabase db = TestDatabase.ofThisTestRun();
    for (String table : List.of("session_samples", "session_files", "session_fastest")) {
      assertThat(db.value("SELECT count(*) FROM " + table + " WHERE session_id = '" + id + "'"))
          .as(table)
          .isEqualTo("0");
    }
    // Deleted, the file is new again.
    assertThat(importFile(user, file, GPX).status()).isEqualTo(201);
  }

  @Test
  void aSessionSentAsJsonHasNoFileAndNoSamples() {
    String user = user("json");
    String id =
        api.postJson(
                "/api/sessions",
                "{\"userId\":\""
                    + user
                    + "\",\"activity\":\"yoga\","
                    + "\"startedAt\":\"2026-10-01T07:00:00Z\",\"durationSeconds\":600}")
            .json()
            .getString("id");
    assertProblem(api.get("/api/sessions/" + id + "/file"), 404);
    JsonObject samples = api.get("/api/sessions/" + id + "/samples").json();
    assertThat(samples.getJsonArray("points")).isEmpty();
    assertProblem(api.get("/api/sessions/" + UUID.randomUUID() + "/samples"), 404);
    assertProblem(api.get("/api/sessions/not-a-uuid/file"), 404);
  }

  @Test
  void theSameTrackFromGpsBabelInThreeFormatsAgreesOnStartAndDuration() throws Exception {
    List<TrackFiles.Point> track = meridian(START, 601, 1, 0.0001, i -> 120 + i % 40);
    byte[] gpx = gpx("running", "babel", track);
    byte[] tcx = TrackFiles.gpsbabel(gpx, "gtrnctr");
    byte[] fit = TrackFiles.gpsbabel(gpx, "garmin_fit");
    String user = user("babel");

    JsonObject fromGpx = importFile(user, gpx, GPX).json();
    Answer tcxAnswer = importFile(user, tcx, TCX);
    assertThat(tcxAnswer.status()).as(tcxAnswer.toString()).isEqualTo(201);
    Answer fitAnswer = importFile(user, fit, FIT);
    assertThat(fitAnswer.status()).as(fitAnswer.toString()).isEqualTo(201);
    JsonObject fromTcx = tcxAnswer.json();
    JsonObject fromFit = fitAnswer.json();

    for (JsonObject s : List.of(fromGpx, fromTcx, fromFit)) {
      assertThat(s.getString("startedAt")).as(s.toString()).isEqualTo("2026-10-04T07:00:00Z");
      assertThat(s.getInt("durationSeconds")).as(s.toString()).isEqualTo(600);
    }
    // GPX has no total: the track's length by the contract's radius.
    assertThat(fromGpx.getJsonNumber("distanceMeters").doubleValue())
        .isCloseTo(TrackFiles.meridianMeters(601, 0.0001), within(1e-6));
    // GPSBabel's TCX states its own lap total (its own Earth radius): the file's total wins.
    double lapTotal = TcxFacts.lapDistance(tcx);
    assertThat(fromTcx.getJsonNumber("distanceMeters").doubleValue()).isEqualTo(lapTotal);
    // GPSBabel's FIT is a course file: its records' own cumulative distance wins, no heart rate.
    double fitTotal = FitFacts.lastRecordDistance(fit);
    assertThat(fromFit.getJsonNumber("distanceMeters").doubleValue()).isEqualTo(fitTotal);
    assertThat(fromFit.isNull("avgHeartRate") && fromFit.isNull("maxHeartRate")).isTrue();
    // Heart rates: the GPX's samples, time-weighted; the TCX's lap summary when it has one.
    assertThat(fromGpx.getInt("maxHeartRate")).isEqualTo(159);
    assertThat(fromGpx.getInt("avgHeartRate")).isEqualTo(timeWeighted(track));
    Integer lapAverage = TcxFacts.lapAverageHeartRate(tcx);
    assertThat(fromTcx.getInt("avgHeartRate"))
        .isEqualTo(lapAverage != null ? lapAverage : timeWeighted(track));
  }

  /** The time-weighted mean of 1-second samples: each value holds until the next sample. */
  private static int timeWeighted(List<TrackFiles.Point> track) {
    double sum = 0;
    for (int i = 0; i + 1 < track.size(); i++) {
      sum += track.get(i).hr();
    }
    return (int) Math.round(sum / (track.size() - 1));
  }

  @Test
  void anIndoorFitFileWithoutPositionsImports() {
    List<TrackFiles.Point> indoor = new java.util.ArrayList<>();
    for (int i = 0; i < 61; i++) {
      indoor.add(new TrackFiles.Point(START.plusSeconds(i), null, null, 10, 130));
    }
    Answer answer = importFile(user("indoor"), TrackFiles.fit(indoor, Sport.CYCLING), FIT);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    JsonObject session = answer.json();
    assertThat(session.getString("activity")).isEqualTo("cycling");
    assertThat(session.getInt("durationSeconds")).isEqualTo(60);
    assertThat(session.isNull("distanceMeters")).isTrue();
    assertThat(session.getInt("calories")).isEqualTo(321);
    JsonArray first =
        api.get("/api/sessions/" + session.getString("id") + "/samples")
            .json()
            .getJsonArray("points")
            .getJsonArray(0);
    assertThat(first.isNull(1) && first.isNull(2) && first.isNull(4)).isTrue();
    assertThat(first.getInt(5)).isEqualTo(130);
  }

  @Test
  void theQueryNamesActivityAndNotesAndItsValuesAreChecked() {
    String user = user("query");
    Answer answer =
        api.post(
            "/api/sessions/import?userId=" + user + "&activity=hiking&notes=Up%20the%20hill",
            gpx("running", "r", RUN),
            GPX);
    assertThat(answer.json().getString("activity")).isEqualTo("hiking");
    assertThat(answer.json().getString("notes")).isEqualTo("Up the hill");

    Answer refused =
        api.post(
            "/api/sessions/import?userId=-bad&activity=dancing", gpx("running", "r2", RUN), GPX);
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).containsExactlyInAnyOrder("userId", "activity");
  }

  @Test
  void filesThatCannotBeImportedAre400AndStoreNothing() throws Exception {
    String user = user("refused");
    byte[] good = gpx("running", "r", RUN);
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&x;</name>"
            + "<trkseg><trkpt lat=\"45\" lon=\"9\"><time>2026-10-04T07:00:00Z</time></trkpt>"
            + "<trkpt lat=\"45.1\" lon=\"9\"><time>2026-10-04T07:01:00Z</time></trkpt></trkseg></trk></gpx>";
    String untimed = new String(good).replaceAll("<time>[^<]*</time>", "");
    String twoTracks =
        new String(good)
            .replace(
                "</trk>",
                "</trk><trk><trkseg><trkpt lat=\"1\" lon=\"1\">"
                    + "<time>2026-10-05T07:00:00Z</time></trkpt></trkseg></trk>");
    byte[] fit = TrackFiles.fit(RUN, Sport.RUNNING);
    List<byte[]> files =
        List.of(
            xxe.getBytes(),
            untimed.getBytes(),
            twoTracks.getBytes(),
            Arrays.copyOf(good, good.length / 2),
            new byte[0],
            "not a file at all".getBytes(),
            gpx("running", "one", RUN.subList(0, 1))); // one sample: 0 s
    for (byte[] file : files) {
      Answer refused = importFile(user, file, GPX);
      assertProblem(refused, 400);
      assertThat(refused.body()).doesNotContain("root:");
    }
    assertProblem(importFile(user, Arrays.copyOf(fit, fit.length - 20), FIT), 400);
    assertProblem(importFile(user, TrackFiles.fit(RUN, Sport.RUNNING, Sport.CYCLING), FIT), 400);
    assertProblem(importFile(user, good, FIT), 400); // not what it says it is
    assertProblem(importFile(user, "garbage".getBytes(), "application/gzip"), 400);
    assertThat(api.allSessionsOf(user)).isEmpty();
  }

  @Test
  void aFileOverSixteenMebibytesIs413AndTheWrongTypeIs415() {
    String user = user("large");
    int max = 16 * 1024 * 1024;
    assertProblem(importFile(user, new byte[max + 1], GPX), 413);
    Answer exactly = importFile(user, new byte[max], GPX);
    assertProblem(exactly, 400); // read, not refused for its size
    // A small gzip of more than 16 MiB once decompressed.
    assertProblem(importFile(user, gzip(new byte[max + 1]), "application/gzip"), 413);
    assertProblem(importFile(user, gpx("running", "r", RUN), "application/json"), 415);
    assertProblem(importFile(user, gpx("running", "r", RUN), "text/plain"), 415);
    assertProblem(
        api.send(
            "/api/sessions/import?userId=" + user,
            "POST",
            java.net.http.HttpRequest.BodyPublishers.ofByteArray(gpx("running", "r", RUN)),
            null),
        415);
    assertThat(api.allSessionsOf(user)).isEmpty();
  }

  @Test
  void anotherUsersSessionsFilesAndImportsAreNotTheCallers() {
    String owner = user("owner");
    String id = importFile(owner, gpx("running", "r", RUN), GPX).json().getString("id");
    String stranger = user("stranger");
    var strangerApi = api.as(Tokens.secretOf(api, stranger, "read", "write"));
    assertProblem(strangerApi.get("/api/sessions/" + id + "/samples"), 404);
    assertProblem(strangerApi.get("/api/sessions/" + id + "/file"), 404);
    assertProblem(
        strangerApi.post("/api/sessions/import?userId=" + owner, gpx("running", "x", RUN), GPX),
        403);
    // Without userId the caller's own user is meant.
    Answer own = strangerApi.post("/api/sessions/import", gpx("walking", "mine", RUN), GPX);
    assertThat(own.status()).isEqualTo(201);
    assertThat(own.json().getString("userId")).isEqualTo(stranger);
    var reader = api.as(Tokens.secretOf(api, stranger, "read"));
    assertProblem(reader.post("/api/sessions/import", gpx("running", "y", RUN), GPX), 403);
  }

  @Test
  void aChangedImportedSessionKeepsItsSource() {
    String id = importFile(user("patch"), gpx("running", "r", RUN), GPX).json().getString("id");
    Answer patched =
        api.send(
            "/api/sessions/" + id,
            "PATCH",
            java.net.http.HttpRequest.BodyPublishers.ofString("{\"notes\":\"changed\"}"),
            "application/merge-patch+json");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().getJsonObject("source").getInt("samples")).isEqualTo(11);
    assertThat(api.get("/api/sessions/" + id).json().getJsonObject("source").getString("format"))
        .isEqualTo("gpx");
  }

  private static String sha256(byte[] file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
  }
}
