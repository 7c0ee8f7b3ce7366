// A session's samples (GET /api/sessions/{id}/samples: named fields, one array a sample) as the
// columns the detail draws: positions for the route, and heart rate, pace or speed and elevation
// over time or distance.

/** The column `name` of `samples` ({fields, points}): one value a sample, null where none. */
export function column(samples, name) {
  const index = samples.fields.indexOf(name);
  return samples.points.map((point) => (index < 0 ? null : point[index] ?? null));
}

/** [[latitude, longitude], ...] of the samples that have both. */
export function positions(samples) {
  const lats = column(samples, "latitude");
  const lons = column(samples, "longitude");
  return lats.map((lat, i) => [lat, lons[i]]).filter(([lat, lon]) => lat != null && lon != null);
}

// Slower than this (0.5 m/s, 33 min/km) is standing, not moving: a pace there would only squash
// the rest of the chart, so it is left as a gap.
const MOVING = 0.5;

/**
 * Metres per second at each sample: the file's own speed where it has one, else the distance
 * since the previous sample over the time since then; null where neither is known or when standing.
 */
export function speeds(samples) {
  const given = column(samples, "speedMetersPerSecond");
  const times = column(samples, "offsetSeconds");
  const distances = column(samples, "distanceMeters");
  return given.map((speed, i) => {
    let value = speed;
    if (value == null && i > 0 && distances[i] != null && distances[i - 1] != null && times[i] > times[i - 1]) {
      value = (distances[i] - distances[i - 1]) / (times[i] - times[i - 1]);
    }
    return value != null && value >= MOVING ? value : null;
  });
}

/**
 * The series the detail charts: {heartRate, elevation, speed} by sample, and the two x axes
 * (minutes since the start, km from the start; distance null when the samples have none).
 */
export function chartSeries(samples) {
  const km = column(samples, "distanceMeters").map((m) => (m == null ? null : m / 1000));
  return {
    minutes: column(samples, "offsetSeconds").map((s) => (s == null ? null : s / 60)),
    km: km.some((value) => value != null) ? km : null,
    heartRate: column(samples, "heartRate"),
    elevation: column(samples, "elevationMeters"),
    speed: speeds(samples),
  };
}
