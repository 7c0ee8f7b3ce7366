// Calendar arithmetic in an IANA time zone, with nothing but Intl: the page lets the user pick
// the zone that decides calendar days (the API's `tz`), which need not be the browser's own.

const partFormats = new Map();

function partsFormat(tz) {
  let format = partFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    partFormats.set(tz, format);
  }
  return format;
}

/** Whether `tz` is a time zone this browser knows. */
export function isTimeZone(tz) {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone (UTC if it has none). */
export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every time zone the browser knows, for a picker. */
export function timeZones() {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
}

/** The wall clock in `tz` at the instant `ms`: {year, month, day, hour, minute, second}. */
export function wallClock(tz, ms) {
  const out = {};
  for (const { type, value } of partsFormat(tz).formatToParts(new Date(ms))) {
    if (type !== "literal" && type !== "dayPeriod" && type !== "era") out[type] = Number(value);
  }
  return out;
}

/** Minutes east of UTC of `tz` at the instant `ms`. */
export function offsetMinutes(tz, ms) {
  const w = wallClock(tz, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `tz` shows the given time. A time skipped by a DST
 * change maps to the instant just after the gap; a repeated time to its first occurrence.
 */
export function instantOf(tz, year, month, day, hour = 0, minute = 0) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutes(tz, wall - 86400000);
  const after = offsetMinutes(tz, wall + 86400000);
  const shows = (ms) => {
    const w = wallClock(tz, ms);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wall;
  };
  const candidates = [wall - before * 60000, wall - after * 60000].filter(shows);
  // In a gap no instant shows the time: the offset from before the gap moves it past the gap.
  return candidates.length ? Math.min(...candidates) : wall - before * 60000;
}

const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** "+01:00" for 60 minutes. */
export function offsetText(minutes) {
  return (minutes < 0 ? "-" : "+") + pad(Math.floor(Math.abs(minutes) / 60)) + ":" + pad(Math.abs(minutes) % 60);
}

/** RFC 3339 text of the instant `ms` as the wall clock in `tz` shows it, with its offset. */
export function rfc3339In(tz, ms) {
  const w = wallClock(tz, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
    + offsetText(offsetMinutes(tz, ms));
}

/** "YYYY-MM-DD" → [year, month, day], or null when it is not such a date. */
export function parseDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** A datetime-local value "YYYY-MM-DDTHH:MM[:SS]" read in `tz` as RFC 3339 with offset, or null. */
export function localInputToRfc3339(tz, text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text || "");
  if (!m) return null;
  const ms = instantOf(tz, +m[1], +m[2], +m[3], +m[4], +m[5]) + (m[6] ? +m[6] * 1000 : 0);
  return rfc3339In(tz, ms);
}

/** The wall clock in `tz` at `ms` as a datetime-local value "YYYY-MM-DDTHH:MM". */
export function localInputValue(tz, ms) {
  const w = wallClock(tz, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Today's date in `tz`, "YYYY-MM-DD". */
export function today(tz, ms = Date.now()) {
  const w = wallClock(tz, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The calendar date `days` after `date` ("YYYY-MM-DD"). */
export function addDays(date, days) {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** RFC 3339 of the first instant of the calendar day `date` in `tz`. */
export function startOfDay(tz, date) {
  const [y, m, d] = parseDate(date);
  return rfc3339In(tz, instantOf(tz, y, m, d));
}
