package dev.stride.tester.simulation.control;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.simulation.entity.Habits;
import dev.stride.tester.simulation.entity.SimulationPlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the sessions of simulated users. Everything follows from the plan's seed and the user's
 * index: the same plan gives the same users, sessions and session ids, in any order and on any
 * machine, so a second run re-sends exactly what the first one sent.
 */
public final class SessionGenerator {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double OFF_DAY_WEIGHT = 0.1;
  private static final List<String> NOTES =
      List.of(
          "Easy pace",
          "Felt strong 💪",
          "Intervals 6×400 m, 90\" rest",
          "Rain, wind, and \"fun\"",
          "Morgenlauf am Fluss – schön kühl",
          "Café après la sortie ☕",
          "朝のジョギング、気持ちいい",
          "Тренировка с друзьями",
          "Line one\nline two",
          "Knee hurt a bit; stopped early",
          "🏃‍♀️🌅🔥",
          "Ñandú trail, 3 °C",
          "comma, separated, words",
          "Θαυμάσια μέρα",
          "  spaces around  ",
          "tab\tseparated",
          "مساء الخير",
          "😀 " + "long note ".repeat(40).strip());

  private final SimulationPlan plan;
  private final Instant start;
  private final int days;
  private final DayOfWeek firstWeekday;

  public SessionGenerator(SimulationPlan plan) {
    this.plan = plan;
    this.start = plan.start();
    this.days = plan.days();
    this.firstWeekday = plan.from().getDayOfWeek();
  }

  public SimulationPlan plan() {
    return plan;
  }

  public Habits habitsOf(int userIndex) {
    return habits(new SplittableRandom(userSeed(userIndex)));
  }

  /** The sessions of one user, oldest first. */
  public List<Session> sessionsOf(int userIndex) {
    var random = new SplittableRandom(userSeed(userIndex));
    var ids = new SplittableRandom(mix(userSeed(userIndex) ^ GOLDEN_GAMMA));
    Habits habits = habits(random);
    String userId = plan.userId(userIndex);
    int[] sessionDays = sessionDays(random, habits);
    var sessions = new ArrayList<Session>(sessionDays.length);
    for (int day : sessionDays) {
      sessions.add(session(random, nextId(ids), userId, habits, day));
    }
    sessions.sort(
        (a, b) -> {
          int order = a.startedAt().compareTo(b.startedAt());
          return order != 0 ? order : a.id().compareTo(b.id());
        });
    return sessions;
  }

  private long userSeed(int userIndex) {
    long seed = mix(mix(plan.seed()) + GOLDEN_GAMMA * (userIndex + 1L));
    // a real user's session ids are their own, not those of the seed's first simulated user
    return plan.realUser() == null ? seed : mix(seed ^ plan.realUser().hashCode());
  }

  private Habits habits(SplittableRandom random) {
    var activities = new ArrayList<Activity>();
    int favourites = 1 + random.nextInt(3);
    while (activities.size() < favourites) {
      Activity activity = popularActivity(random);
      if (!activities.contains(activity)) {
        activities.add(activity);
      }
    }
    double[] weights = new double[activities.size()];
    weights[0] = 1;
    for (int i = 1; i < weights.length; i++) {
      weights[i] = 0.2 + 0.4 * random.nextDouble();
    }
    int trainingDayCount = 2 + random.nextInt(5);
    Set<Integer> trainingDays = new HashSet<>();
    if (random.nextDouble() < 0.6) {
      int first = 1 + random.nextInt(7);
      for (int i = 0; i < trainingDayCount; i++) {
        trainingDays.add((first - 1 + i) % 7 + 1);
      }
    } else {
      while (trainingDays.size() < trainingDayCount) {
        trainingDays.add(1 + random.nextInt(7));
      }
    }
    int[] hours = {6, 7, 12, 17, 18, 19, 20};
    return new Habits(
        List.copyOf(activities),
        weights,
        Set.copyOf(trainingDays),
        hours[random.nextInt(hours.length)],
        0.85 + 0.3 * random.nextDouble(),
        0.8 + 0.5 * random.nextDouble(),
        random.nextInt(-8, 9),
        random.nextDouble() < 0.8,
        0.05 + 0.2 * random.nextDouble());
  }

  private static Activity popularActivity(SplittableRandom random) {
    int total = 0;
    for (var activity : Activity.values()) {
      total += ActivityProfile.of(activity).popularity();
    }
    int pick = random.nextInt(total);
    for (var activity : Activity.values()) {
      pick -= ActivityProfile.of(activity).popularity();
      if (pick < 0) {
        return activity;
      }
    }
    return Activity.OTHER;
  }

  /** Days (from the plan's first day) of the sessions, mostly on the user's training days. */
  private int[] sessionDays(SplittableRandom random, Habits habits) {
    double[] cumulative = new double[days];
    double sum = 0;
    for (int day = 0; day < days; day++) {
      int weekday = firstWeekday.plus(day).getValue();
      sum += habits.trainingDays().contains(weekday) ? 1 : OFF_DAY_WEIGHT;
      cumulative[day] = sum;
    }
    int[] chosen = new int[plan.sessionsPerUser()];
    for (int i = 0; i < chosen.length; i++) {
      int day = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      chosen[i] = Math.min(days - 1, day < 0 ? -day - 1 : day);
    }
    Arrays.sort(chosen);
    return chosen;
  }

  private Session session(SplittableRandom random, UUID id, String userId, Habits habits, int day) {
    Activity activity = activity(random, habits);
    ActivityProfile profile = ActivityProfile.of(activity);
    int hour = Math.max(0, Math.min(23, habits.hour() + random.nextInt(-1, 2)));
    long secondOfDay = hour * 3600L + random.nextInt(60) * 60L;
    Instant startedAt = start.plusSeconds(day * 86_400L + secondOfDay);
    double minutes =
        profile.minMinutes()
            + (profile.maxMinutes() - profile.minMinutes())
                * (random.nextDouble() + random.nextDouble())
                / 2;
    int durationSeconds = Math.max(60, (int) (minutes * 60) + random.nextInt(60));

    Double distance = null;
    if (profile.coversDistance() && random.nextDouble() < profile.distanceShare()) {
      double speed =
          (profile.minSpeed() + (profile.maxSpeed() - profile.minSpeed()) * random.nextDouble())
              * habits.fitness();
      distance =
          Math.min(Session.MAX_DISTANCE_METERS, Math.round(speed * durationSeconds * 10) / 10.0);
    }
    Integer calories = null;
    if (random.nextDouble() < 0.96) {
      double kcal =
          profile.kcalPerMinute()
              * habits.body()
              * durationSeconds
              / 60
              * (0.85 + 0.3 * random.nextDouble());
      calories = (int) Math.min(Session.MAX_CALORIES, Math.round(kcal));
    }
    Integer avgHeartRate = null;
    Integer maxHeartRate = null;
    if (habits.wearsHeartRateMonitor() && random.nextDouble() < 0.95) {
      avgHeartRate =
          Math.max(
              50,
              Math.min(
                  200, profile.heartRate() + habits.heartRateOffset() + random.nextInt(-8, 9)));
      maxHeartRate = Math.min(230, avgHeartRate + 8 + random.nextInt(35));
    }
    String notes =
        random.nextDouble() < habits.notesRate() ? NOTES.get(random.nextInt(NOTES.size())) : null;
    return new Session(
        id,
        userId,
        activity,
        startedAt,
        durationSeconds,
        distance,
        calories,
        avgHeartRate,
        maxHeartRate,
        notes);
  }

  private static Activity activity(SplittableRandom random, Habits habits) {
    double[] weights = habits.weights();
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return habits.activities().get(i);
      }
    }
    return habits.activities().get(0);
  }

  /** A random (version 4) UUID drawn from the user's id stream. */
  private static UUID nextId(SplittableRandom ids) {
    long high = (ids.nextLong() & ~0xF000L) | 0x4000L;
    long low = (ids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  /** The SplitMix64 finaliser: spreads seeds that differ in a bit over all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
