// The page's time-zone arithmetic (web/src/zone.js), on Node's full ICU.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays, instantOf, isTimeZone, localInputToRfc3339, localInputValue, offsetMinutes,
  rfc3339In, startOfDay, today,
} from "../../web/src/zone.js";

test("a wall-clock time is read in the chosen zone, with that day's offset", () => {
  assert.equal(localInputToRfc3339("Europe/Berlin", "2026-01-15T07:30"), "2026-01-15T07:30:00+01:00");
  assert.equal(localInputToRfc3339("Europe/Berlin", "2026-07-15T07:30"), "2026-07-15T07:30:00+02:00");
  assert.equal(localInputToRfc3339("America/New_York", "2026-11-01T23:59"), "2026-11-01T23:59:00-05:00");
  assert.equal(localInputToRfc3339("Asia/Kolkata", "2026-03-01T00:00"), "2026-03-01T00:00:00+05:30");
  assert.equal(localInputToRfc3339("UTC", "2026-03-01T10:00:30"), "2026-03-01T10:00:30+00:00");
  assert.equal(localInputToRfc3339("UTC", "yesterday"), null);
});

test("times in a DST gap move past it; repeated times take their first occurrence", () => {
  // Berlin springs forward on 2026-03-29 from 02:00 to 03:00, falls back on 2026-10-25 at 03:00.
  assert.equal(localInputToRfc3339("Europe/Berlin", "2026-03-29T02:30"), "2026-03-29T03:30:00+02:00");
  assert.equal(localInputToRfc3339("Europe/Berlin", "2026-10-25T02:30"), "2026-10-25T02:30:00+02:00");
});

test("calendar days start at the zone's midnight", () => {
  assert.equal(startOfDay("Europe/Berlin", "2026-11-01"), "2026-11-01T00:00:00+01:00");
  assert.equal(startOfDay("Pacific/Auckland", "2026-01-01"), "2026-01-01T00:00:00+13:00");
  assert.equal(new Date(startOfDay("Pacific/Auckland", "2026-01-01")).toISOString(), "2025-12-31T11:00:00.000Z");
});

test("today, date arithmetic and the datetime-local value follow the zone", () => {
  const ms = Date.parse("2026-11-01T23:30:00Z");
  assert.equal(today("UTC", ms), "2026-11-01");
  assert.equal(today("Europe/Berlin", ms), "2026-11-02");
  assert.equal(today("America/Los_Angeles", ms), "2026-11-01");
  assert.equal(localInputValue("Europe/Berlin", ms), "2026-11-02T00:30");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  assert.equal(offsetMinutes("Asia/Kathmandu", ms), 345);
  assert.equal(rfc3339In("UTC", ms), "2026-11-01T23:30:00+00:00");
  assert.equal(instantOf("UTC", 2026, 11, 1, 23, 30), ms);
});

test("zone names are checked", () => {
  assert.equal(isTimeZone("Europe/Paris"), true);
  assert.equal(isTimeZone("Mars/Olympus"), false);
  assert.equal(isTimeZone(""), false);
});
