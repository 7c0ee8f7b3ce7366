// What the page's two session forms (record one, edit one) hold, without the DOM: their texts as
// the form shows them (minutes, kilometres, the wall clock in the chosen zone) and the API's values
// (seconds, metres, RFC 3339). The edit form sends a JSON merge patch (RFC 7396) of the fields whose
// text the user changed; comparing texts, not converted numbers, means that a value the form
// cannot show exactly (an imported distance of 5123.456789 m, seconds of a start time) is never
// sent back rounded when the user did not touch it.
import { localInputToRfc3339, wallClock } from "./zone.js";

/** The fields a form edits, in the form's order (the API's names). */
export const FIELDS = [
  "activity", "startedAt", "durationSeconds", "distanceMeters", "calories", "avgHeartRate", "maxHeartRate", "notes",
];
// The unit the server's messages count in, where the form shows another one.
const UNITS = { durationSeconds: "seconds", distanceMeters: "metres" };

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The wall clock in `tz` at `iso` as a datetime-local value, with seconds only when it has some. */
function startText(tz, iso) {
  const w = wallClock(tz, Date.parse(iso));
  const minutes = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return w.second ? `${minutes}:${pad(w.second)}` : minutes;
}

const text = (value) => (value == null ? "" : String(value));

/** A stored session as the form shows it: {field: text}. Minutes to 2 decimals, km to 0.1 m. */
export function formTexts(session, tz) {
  return {
    activity: session.activity,
    startedAt: startText(tz, session.startedAt),
    // 2 decimals of a minute are 0.6 s: back in seconds, rounding gives the stored value again.
    durationSeconds: text(session.durationSeconds == null ? null : Math.round((session.durationSeconds / 60) * 100) / 100),
    distanceMeters: text(session.distanceMeters == null ? null : Math.round(session.distanceMeters * 10) / 10000),
    calories: text(session.calories),
    avgHeartRate: text(session.avgHeartRate),
    maxHeartRate: text(session.maxHeartRate),
    notes: session.notes ?? "",
  };
}

const numberOrNull = (value) => (value.trim() === "" ? null : Number(value));

/**
 * The API's value of one field from the form's text: null for an empty field (a number field whose
 * text is not a number reads as empty), seconds from minutes, metres (to 0.1 m) from kilometres.
 */
export function apiValue(field, value, tz) {
  switch (field) {
    case "activity":
      return value === "" ? null : value;
    case "startedAt":
      return localInputToRfc3339(tz, value);
    case "notes":
      return value.trim() === "" ? null : value;
    default: {
      const number = numberOrNull(value);
      if (number == null || !Number.isFinite(number)) return null;
      if (field === "durationSeconds") return Math.round(number * 60);
      if (field === "distanceMeters") return Math.round(number * 10000) / 10;
      return number; // a fraction goes as it is: the server says that it must be an integer
    }
  }
}

/** Every field of the form as the API's values. */
export function apiValues(texts, tz) {
  return Object.fromEntries(FIELDS.map((field) => [field, apiValue(field, texts[field] ?? "", tz)]));
}

/** Whether two texts of a field say the same: numbers as numbers, empty notes alike, starts as instants. */
function sameText(field, a, b, tz) {
  if (field === "activity") return a === b;
  if (field === "notes") return (a.trim() === "" && b.trim() === "") || a === b;
  if (field === "startedAt") return a === b || (apiValue(field, a, tz) ?? a) === (apiValue(field, b, tz) ?? b);
  return a.trim() === b.trim() || (a.trim() !== "" && b.trim() !== "" && Number(a) === Number(b));
}

/**
 * The merge patch that turns `stored` into what the form `texts` show: only the fields whose text
 * differs from the stored session's own text, as the API's values; a cleared optional field is
 * null (removed). A cleared required field is sent as null too, for the server to refuse by name.
 * {} when nothing changed.
 */
export function mergePatch(stored, texts, tz) {
  const before = formTexts(stored, tz);
  const patch = {};
  for (const field of FIELDS) {
    const now = texts[field] ?? "";
    if (!sameText(field, before[field], now, tz)) patch[field] = apiValue(field, now, tz);
  }
  return patch;
}

/**
 * A 400 problem's `errors` ([{field, message}]) sorted for a form of `FIELDS`: `byField` holds the
 * message(s) of each field of the form (with the unit the server counts in, where the form shows
 * another), `others` the texts of every other field ("[0].id: ...", an unknown property).
 */
export function fieldMessages(errors) {
  const byField = {};
  const others = [];
  for (const { field, message } of errors) {
    if (!FIELDS.includes(field)) {
      others.push(`${field}: ${message}`);
      continue;
    }
    const line = UNITS[field] ? `${message} (${field}, in ${UNITS[field]})` : message;
    byField[field] = byField[field] ? `${byField[field]}; ${line}` : line;
  }
  return { byField, others };
}
