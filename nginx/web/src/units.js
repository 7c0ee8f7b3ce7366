// How the page writes durations, distances and paces, without the DOM and without the locale, so
// that the tables of one session and of the records read the same everywhere and can be tested.

const pad = (n) => String(n).padStart(2, "0");

/** Seconds as h:mm:ss (rounded to the second): 3725.4 → "1:02:05". */
export function clock(seconds) {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  return `${h}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}

/** Seconds as m:ss, or h:mm:ss from an hour on: the way a pace or a split is read. */
export function minutesSeconds(seconds) {
  const whole = Math.round(seconds);
  return whole >= 3600 ? clock(whole) : `${Math.floor(whole / 60)}:${pad(whole % 60)}`;
}

/** Metres in km with two decimals, "–" for none: 12345 → "12.35 km". */
export function kmText(meters) {
  return meters == null ? "–" : `${(meters / 1000).toFixed(2)} km`;
}

/** A record's distance by its name where it has one: 1000 → "1 km", 400 → "400 m", 42195 → "marathon". */
export function distanceName(meters) {
  if (meters === 21097.5) return "half marathon";
  if (meters === 42195) return "marathon";
  if (meters < 1000) return `${meters} m`;
  return `${Number((meters / 1000).toFixed(3))} km`;
}

// Water sports count their pace per 100 m, cycling goes by speed; everything else per km.
const PER_100_M = new Set(["swimming", "rowing"]);

/**
 * How fast `meters` in `seconds` is for `activity`: "4:30 /km", "1:45 /100 m" (swimming, rowing)
 * or "32.4 km/h" (cycling).
 */
export function paceText(seconds, meters, activity) {
  if (!(seconds > 0) || !(meters > 0)) return "–";
  if (activity === "cycling") return `${((meters / seconds) * 3.6).toFixed(1)} km/h`;
  if (PER_100_M.has(activity)) return `${minutesSeconds((seconds / meters) * 100)} /100 m`;
  return `${minutesSeconds((seconds / meters) * 1000)} /km`;
}
