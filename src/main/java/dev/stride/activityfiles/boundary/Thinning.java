package dev.stride.activityfiles.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * Even thinning of a series (contract: {@code maxPoints}): at most {@code max} items, evenly spaced
 * by index, always the first and the last; the whole series when it is not longer than that.
 */
final class Thinning {
  private Thinning() {}

  static <T> List<T> evenly(List<T> all, int max) {
    int n = all.size();
    if (n <= max) {
      return all;
    }
    List<T> kept = new ArrayList<>(max);
    // Item i of max-1 steps of (n-1)/(max-1) > 1 each: distinct indexes from 0 to n-1, rounded to
    // the nearest, in long arithmetic (100000 × 200000 does not fit an int).
    long steps = max - 1L;
    for (long i = 0; i <= steps; i++) {
      kept.add(all.get((int) ((i * (n - 1) * 2 + steps) / (2 * steps))));
    }
    return kept;
  }
}
