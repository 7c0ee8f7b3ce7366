package dev.stride.activityfiles.control;

import dev.stride.sessions.entity.Activity;
import java.util.Locale;
import java.util.Map;

/**
 * The sport a file names (GPX {@code trk/type}, TCX {@code Sport}, the name of a FIT {@code Sport})
 * as an {@link Activity}. Apps write these freely ("run", "Biking", "RUNNING"), so the match
 * ignores case; anything not listed, {@code generic} included, is {@code OTHER} (contract).
 */
final class Sports {
  private static final Map<String, Activity> BY_NAME =
      Map.ofEntries(
          Map.entry("running", Activity.RUNNING),
          Map.entry("run", Activity.RUNNING),
          Map.entry("cycling", Activity.CYCLING),
          Map.entry("biking", Activity.CYCLING),
          Map.entry("ride", Activity.CYCLING),
          Map.entry("swimming", Activity.SWIMMING),
          Map.entry("walking", Activity.WALKING),
          Map.entry("walk", Activity.WALKING),
          Map.entry("hiking", Activity.HIKING),
          Map.entry("rowing", Activity.ROWING));

  private Sports() {}

  /** {@code null} when the file names no sport. */
  static Activity activityOf(String sport) {
    if (sport == null || sport.isBlank()) {
      return null;
    }
    return BY_NAME.getOrDefault(sport.strip().toLowerCase(Locale.ROOT), Activity.OTHER);
  }
}
