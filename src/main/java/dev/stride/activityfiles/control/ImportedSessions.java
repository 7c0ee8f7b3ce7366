package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.problems.FieldError;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.SessionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The session an activity file makes, by the contract's rules ("Activity files"): what the file
 * states about itself wins over what its samples would give, and the import's query wins over both.
 * The session is built even when it breaks a rule of the session resource (a one-sample file lasts
 * 0 seconds), so that {@link #problems} can name the field, as the contract asks.
 */
public final class ImportedSessions {
  private ImportedSessions() {}

  /**
   * The session of {@code recording}, whose samples with their cumulative distances are {@code
   * withDistances} (see {@link TrackDistances}). {@code queryActivity} and {@code queryNotes} are
   * the import's query parameters, {@code null} when not given.
   *
   * <ul>
   *   <li>{@code startedAt}: the first sample's time.
   *   <li>{@code durationSeconds}: from the first sample to the last, rounded to the nearest second
   *       (half a second up); beyond the range of an int it stays at {@link Integer#MAX_VALUE},
   *       which breaks the rule as the true value would.
   *   <li>{@code distanceMeters}: the file's total, else the last sample's cumulative distance,
   *       else {@code null}.
   *   <li>{@code avgHeartRate}, {@code maxHeartRate}: each the file's own when it states one, else
   *       from the samples (see {@link #timeWeightedMean}); a heart rate that is not positive is no
   *       value (0 is what a strap without skin contact sends).
   *   <li>{@code calories}: the file's total when positive, else {@code null}.
   *   <li>{@code activity}: the query's, else the file's sport, else {@code other}.
   *   <li>{@code notes}: the query's as given, else the file's name with its surrounding white
   *       space removed and cut to the first 1000 code points, {@code null} when that is blank.
   * </ul>
   */
  public static Session session(
      UUID id,
      String userId,
      Recording recording,
      List<Sample> withDistances,
      Activity queryActivity,
      String queryNotes) {
    List<Sample> samples = recording.samples();
    if (samples.isEmpty() || samples.size() != withDistances.size()) {
      throw new IllegalArgumentException(
          "a recording has at least one sample, and withDistances holds the same samples");
    }
    FileTotals totals = Objects.requireNonNullElse(recording.totals(), FileTotals.NONE);
    Instant first = samples.get(0).time();
    Instant last = samples.get(samples.size() - 1).time();
    List<Sample> withHeartRate =
        samples.stream().filter(sample -> isHeartRate(sample.heartRate())).toList();
    return new Session(
        id,
        userId,
        Objects.requireNonNullElse(
            queryActivity, Objects.requireNonNullElse(recording.activity(), Activity.OTHER)),
        first,
        roundedSeconds(Duration.between(first, last)),
        totals.distanceMeters() != null
            ? totals.distanceMeters()
            : withDistances.get(withDistances.size() - 1).distanceMeters(),
        totals.calories() != null && totals.calories() > 0 ? totals.calories() : null,
        isHeartRate(totals.avgHeartRate())
            ? totals.avgHeartRate()
            : timeWeightedMean(withHeartRate),
        isHeartRate(totals.maxHeartRate()) ? totals.maxHeartRate() : largest(withHeartRate),
        queryNotes != null ? queryNotes : notesOf(recording.name()));
  }

  /**
   * Every rule of the session resource ({@link SessionRules}) that {@code session} breaks, named
   * after its JSON property with the rule's own message, in the contract's order of fields; empty
   * when it follows them all. {@code now} is the server's clock. The id and the user are the
   * import's own and checked where they are chosen, so they are not checked again here.
   */
  public static List<FieldError> problems(Session session, Instant now) {
    List<FieldError> problems = new ArrayList<>();
    String start = SessionRules.startProblem(session.startedAt(), now);
    if (start != null) {
      problems.add(new FieldError("startedAt", start));
    }
    if (!SessionRules.isBetween(
        session.durationSeconds(),
        SessionRules.MIN_DURATION_SECONDS,
        SessionRules.MAX_DURATION_SECONDS)) {
      problems.add(new FieldError("durationSeconds", SessionRules.DURATION_RULE));
    }
    Double distance = session.distanceMeters();
    // Written as "not within" so that NaN, which no comparison holds for, breaks the rule too.
    if (distance != null
        && !(distance >= SessionRules.MIN_DISTANCE_METERS
            && distance <= SessionRules.MAX_DISTANCE_METERS)) {
      problems.add(new FieldError("distanceMeters", SessionRules.DISTANCE_RULE));
    }
    if (outside(session.calories(), SessionRules.MIN_CALORIES, SessionRules.MAX_CALORIES)) {
      problems.add(new FieldError("calories", SessionRules.CALORIES_RULE));
    }
    Integer avg = session.avgHeartRate();
    Integer max = session.maxHeartRate();
    if (outside(avg, SessionRules.MIN_HEART_RATE, SessionRules.MAX_HEART_RATE)) {
      problems.add(new FieldError("avgHeartRate", SessionRules.HEART_RATE_RULE));
    }
    if (outside(max, SessionRules.MIN_HEART_RATE, SessionRules.MAX_HEART_RATE)) {
      problems.add(new FieldError("maxHeartRate", SessionRules.HEART_RATE_RULE));
    } else if (avg != null && max != null && max < avg) {
      problems.add(new FieldError("maxHeartRate", SessionRules.HEART_RATES_IN_ORDER));
    }
    String notes = session.notes();
    if (notes != null && !SessionRules.isStorable(notes)) {
      problems.add(new FieldError("notes", SessionRules.STORABLE_TEXT_RULE));
    } else if (notes != null && !SessionRules.fits(notes, SessionRules.MAX_NOTES_CODE_POINTS)) {
      problems.add(new FieldError("notes", SessionRules.NOTES_RULE));
    }
    return List.copyOf(problems);
  }

  private static boolean outside(Integer value, int min, int max) {
    return value != null && !SessionRules.isBetween(value, min, max);
  }

  /**
   * Whole seconds, half a second rounded up. An int as the session holds it: a longer time (68
   * years) saturates, which breaks the rule as the true value would, rather than wrapping around.
   */
  static int roundedSeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() >= 500_000_000 ? 1 : 0);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
  }

  private static boolean isHeartRate(Integer beatsPerMinute) {
    return beatsPerMinute != null && beatsPerMinute > 0;
  }

  /**
   * The time-weighted mean of the samples' heart rates, rounded half up; {@code null} without any.
   * Each value holds until the next sample that has one (a strap that drops out for a while still
   * described that while), so it weighs the time to it; the last weighs nothing. When no time
   * passes between them all (one sample), the plain mean.
   */
  static Integer timeWeightedMean(List<Sample> withHeartRate) {
    if (withHeartRate.isEmpty()) {
      return null;
    }
    double weightedSum = 0;
    double totalWeight = 0;
    double plainSum = 0;
    for (int i = 0; i < withHeartRate.size(); i++) {
      int beatsPerMinute = withHeartRate.get(i).heartRate();
      plainSum += beatsPerMinute;
      if (i + 1 < withHeartRate.size()) {
        double weight =
            Seconds.between(withHeartRate.get(i).time(), withHeartRate.get(i + 1).time());
        weightedSum += beatsPerMinute * weight;
        totalWeight += weight;
      }
    }
    double mean = totalWeight > 0 ? weightedSum / totalWeight : plainSum / withHeartRate.size();
    return (int) Math.floor(mean + 0.5);
  }

  private static Integer largest(List<Sample> withHeartRate) {
    return withHeartRate.stream().map(Sample::heartRate).max(Integer::compare).orElse(null);
  }

  /**
   * The file's name as notes: without surrounding white space (XML files often indent it), cut to
   * the number of code points notes may hold, never between the two halves of a surrogate pair;
   * {@code null} when nothing is left.
   */
  static String notesOf(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String notes = name.strip();
    if (SessionRules.fits(notes, SessionRules.MAX_NOTES_CODE_POINTS)) {
      return notes;
    }
    return notes.substring(0, notes.offsetByCodePoints(0, SessionRules.MAX_NOTES_CODE_POINTS));
  }
}
