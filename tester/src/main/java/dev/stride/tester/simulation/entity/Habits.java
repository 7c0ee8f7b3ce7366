package dev.stride.tester.simulation.entity;

import dev.stride.tester.sessions.entity.Activity;
import java.util.List;
import java.util.Set;

/**
 * How one simulated person exercises.
 *
 * @param activities the activities they do, with {@code weights} of the same length
 * @param trainingDays weekdays (1 = Monday … 7 = Sunday) they usually train on
 * @param hour their favourite hour of the day (UTC)
 * @param fitness factor on their speed
 * @param body factor on the calories they burn
 * @param heartRateOffset their heart rate above or below a typical person's
 * @param wearsHeartRateMonitor whether their sessions usually have heart rates
 * @param notesRate the share of sessions they write a note for
 */
public record Habits(
    List<Activity> activities,
    double[] weights,
    Set<Integer> trainingDays,
    int hour,
    double fitness,
    double body,
    int heartRateOffset,
    boolean wearsHeartRateMonitor,
    double notesRate) {}
