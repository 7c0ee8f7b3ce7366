package dev.stride.openapi;

import dev.stride.access.entity.Scope;
import dev.stride.problems.Problem;
import dev.stride.sessions.boundary.SessionListParameters;
import dev.stride.sessions.boundary.SessionsCsv;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.UserId;
import dev.stride.statistics.boundary.IanaZone;
import dev.stride.statistics.boundary.SeriesParameters;
import dev.stride.statistics.boundary.StatisticsParameters;
import dev.stride.statistics.control.Bucket;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The shared parts of the document that state facts living in Java, made from them so that each
 * fact is written once; {@code META-INF/openapi.yaml} holds the shared parts that state none.
 * Operations refer to them by name, as to the file's: the statistics name all their parameters so.
 */
final class SharedComponents {
  static final String ACTIVITY = "Activity";
  static final String BUCKET = "Bucket";
  static final String SCOPE = "Scope";
  static final String SESSIONS_CSV = "SessionsCsv";
  static final String INVALID_STATISTICS_QUERY = "InvalidStatisticsQuery";

  private SharedComponents() {}

  /** Adds them; the file's {@value #INVALID_STATISTICS_QUERY} response must be there already. */
  static void addTo(Components components) {
    components.addSchema(ACTIVITY, activities());
    components.addSchema(BUCKET, buckets());
    components.addSchema(SCOPE, scopes());
    components.addSchema(SESSIONS_CSV, sessionsCsv());
    // The scopes of a token are Scopes (the annotations can only say "strings").
    for (String token : List.of("NewToken", "Token")) {
      Schema schema = components.getSchemas().get(token);
      if (schema != null && schema.getProperties() != null) {
        Schema scopes = schema.getProperties().get("scopes");
        if (scopes != null) {
          scopes.setItems(OASFactory.createSchema().ref(SCOPE));
        }
      }
    }
    components.addParameter("userId", userInPath());
    components.addParameter(SharedParameters.USER_FILTER, userInQuery());
    components.addParameter(SharedParameters.ORDER, order());
    components.addParameter("tz", zone());
    components.addParameter("bucket", bucket());
    components
        .getResponses()
        .get(INVALID_STATISTICS_QUERY)
        .getContent()
        .getMediaType(Problem.MEDIA_TYPE)
        .addExample(
            "two invalid parameters", OASFactory.createExample().value(invalidStatisticsQuery()));
  }

  private static Schema activities() {
    List<Object> names = Arrays.stream(Activity.values()).map(a -> (Object) a.wireName()).toList();
    return OASFactory.createSchema()
        .type(SchemaType.STRING)
        .description("The kind of exercise a session is, in lower case.")
        .enumeration(names)
        .example(Activity.values()[0].wireName());
  }

  private static Schema buckets() {
    List<Object> names = Arrays.stream(Bucket.values()).map(b -> (Object) b.wireName()).toList();
    return OASFactory.createSchema()
        .type(SchemaType.STRING)
        .description("A calendar period of a series, in `tz`; weeks start on Monday.")
        .enumeration(names)
        .example(Bucket.WEEK.wireName());
  }

  private static Schema scopes() {
    List<Object> names = Arrays.stream(Scope.values()).map(x -> (Object) x.wireName()).toList();
    return OASFactory.createSchema()
        .type(SchemaType.STRING)
        .description(
            "What a token may do: read (every GET of sessions and statistics), write (POST, PATCH and"
                + " DELETE of sessions), admin (every user; includes read and write).")
        .enumeration(names)
        .example(Scope.READ.wireName());
  }

  private static Schema sessionsCsv() {
    return OASFactory.createSchema()
        .type(SchemaType.STRING)
        .description(
            "RFC 4180 CSV, UTF-8, CRLF line ends: the header row "
                + String.join(",", SessionsCsv.HEADER)
                + ", then one row per session.");
  }

  /** Whose statistics: the user of {@code /api/users/{userId}/...}. */
  private static Parameter userInPath() {
    return OASFactory.createParameter()
        .name("userId")
        .in(Parameter.In.PATH)
        .required(true)
        .description("The user's id; it " + UserId.RULE + ".")
        .schema(userIdSchema())
        .example("u1");
  }

  private static Schema userIdSchema() {
    return OASFactory.createSchema()
        .type(SchemaType.STRING)
        .pattern(UserId.PATTERN)
        .maxLength(UserId.MAX_LENGTH);
  }

  /** The sessions of one user: {@code ?userId=} of the list, the export. */
  private static Parameter userInQuery() {
    return OASFactory.createParameter()
        .name("userId")
        .in(Parameter.In.QUERY)
        .description("Only this user's sessions (without admin: the caller's, the default).")
        .schema(userIdSchema())
        .example("u1");
  }

  /** The order of the list and the export. */
  private static Parameter order() {
    return OASFactory.createParameter()
        .name("order")
        .in(Parameter.In.QUERY)
        .description("By startedAt, then id: newest first (desc) or oldest first (asc).")
        .schema(
            OASFactory.createSchema()
                .type(SchemaType.STRING)
                .enumeration(
                    List.<Object>of(
                        SessionListParameters.NEWEST_FIRST, SessionListParameters.OLDEST_FIRST))
                .defaultValue(SessionListParameters.NEWEST_FIRST));
  }

  /** The statistics' {@code tz}. */
  private static Parameter zone() {
    return OASFactory.createParameter()
        .name("tz")
        .in(Parameter.In.QUERY)
        .description("IANA time-zone id deciding calendar days (see the readings of the contract).")
        .schema(
            OASFactory.createSchema()
                .type(SchemaType.STRING)
                .defaultValue(StatisticsParameters.DEFAULT_ZONE)
                .example("Europe/Rome"));
  }

  /** The series' {@code bucket}: a {@value #BUCKET}. */
  private static Parameter bucket() {
    return OASFactory.createParameter()
        .name("bucket")
        .in(Parameter.In.QUERY)
        .description("The calendar period each item adds up.")
        // allOf: a $ref's siblings (the default) would be ignored.
        .schema(
            OASFactory.createSchema()
                .addAllOf(OASFactory.createSchema().ref(BUCKET))
                .defaultValue(SeriesParameters.DEFAULT_BUCKET.wireName()));
  }

  /** A 400 of the statistics, made of the rules it shows. */
  private static Map<String, Object> invalidStatisticsQuery() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Bad Request");
    problem.put("status", new BigDecimal(400));
    problem.put("detail", "2 fields are invalid");
    problem.put(
        "errors",
        List.of(
            Map.of("field", "tz", "message", IanaZone.RULE),
            Map.of("field", "bucket", "message", Bucket.RULE)));
    return problem;
  }
}
