package dev.stride.activityfiles.entity;

import dev.stride.sessions.entity.Activity;
import java.util.List;

/**
 * What one activity file holds once read: its format, the activity its sport names ({@code null}
 * when the file names none; anything the contract does not list is {@code OTHER}), its name (GPX
 * {@code trk/name} else {@code metadata/name}, TCX {@code Notes}; {@code null} if none), its
 * samples in time order (at least one, each with a time) and its own totals.
 */
public record Recording(
    FileFormat format, Activity activity, String name, List<Sample> samples, FileTotals totals) {

  public Recording {
    samples = List.copyOf(samples);
  }
}
