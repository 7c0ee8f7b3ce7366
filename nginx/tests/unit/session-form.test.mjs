// The session forms' values (web/src/session-form.js): the texts a stored session fills in, the
// merge patch of what the user changed, and a 400 problem's errors sorted by field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { apiValues, fieldMessages, formTexts, mergePatch } from "../../web/src/session-form.js";

const NY = "America/New_York";
const stored = {
  id: "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11", userId: "u1", activity: "running",
  startedAt: "2026-11-20T12:30:00Z", durationSeconds: 1805, distanceMeters: 5123.456789,
  calories: 300, avgHeartRate: 141, maxHeartRate: 182, notes: "Easy run",
  createdAt: "2026-11-20T13:00:00Z", updatedAt: "2026-11-20T13:00:00Z", source: null,
};

test("a stored session fills the form in minutes, kilometres and the zone's wall clock", () => {
  assert.deepEqual(formTexts(stored, NY), {
    activity: "running", startedAt: "2026-11-20T07:30", durationSeconds: "30.08", distanceMeters: "5.1235",
    calories: "300", avgHeartRate: "141", maxHeartRate: "182", notes: "Easy run",
  });
  const bare = { ...stored, startedAt: "2026-07-01T06:00:15Z", distanceMeters: null, calories: null, notes: null };
  assert.deepEqual(
    [formTexts(bare, "Europe/Berlin").startedAt, formTexts(bare, NY).distanceMeters, formTexts(bare, NY).notes],
    ["2026-07-01T08:00:15", "", ""],
  );
});

test("an untouched form is no change, whatever the form cannot show exactly", () => {
  assert.deepEqual(mergePatch(stored, formTexts(stored, NY), NY), {});
  // The same numbers written otherwise, blank notes for none: still no change.
  // 01:30 EST, the second 01:30 of the night the clocks go back: read back, 01:30 is the first one.
  const odd = { ...stored, notes: null, startedAt: "2026-11-01T06:30:00Z" };
  const texts = { ...formTexts(odd, NY), durationSeconds: "30.080", calories: " 300", notes: "  " };
  assert.deepEqual(mergePatch(odd, texts, NY), {});
});

test("only the changed fields are sent, in the API's units; a cleared optional field is null", () => {
  const texts = {
    ...formTexts(stored, NY), activity: "cycling", durationSeconds: "45", distanceMeters: "20.5", calories: "",
    notes: "", maxHeartRate: "190",
  };
  assert.deepEqual(mergePatch(stored, texts, NY), {
    activity: "cycling", durationSeconds: 2700, distanceMeters: 20500, calories: null, maxHeartRate: 190, notes: null,
  });
});

test("a new start is read in the chosen zone; a cleared required field is sent as null for the server to name", () => {
  const texts = { ...formTexts(stored, NY), startedAt: "2026-11-20T08:15", durationSeconds: "" };
  assert.deepEqual(mergePatch(stored, texts, NY), { startedAt: "2026-11-20T08:15:00-05:00", durationSeconds: null });
  assert.deepEqual(mergePatch(stored, { ...formTexts(stored, "Asia/Tokyo"), notes: "x" }, "Asia/Tokyo"), { notes: "x" });
});

test("what the user typed goes as typed: notes keep their spaces, fractions stay for the server to refuse", () => {
  const texts = { ...formTexts(stored, NY), notes: " Easy run ", calories: "300.5", avgHeartRate: "abc" };
  assert.deepEqual(mergePatch(stored, texts, NY), { notes: " Easy run ", calories: 300.5, avgHeartRate: null });
});

test("the record form's values: every field, empty ones null", () => {
  assert.deepEqual(apiValues({
    activity: "yoga", startedAt: "2026-01-15T07:30", durationSeconds: "60", distanceMeters: "",
    calories: "", avgHeartRate: "", maxHeartRate: "", notes: "",
  }, "Europe/Berlin"), {
    activity: "yoga", startedAt: "2026-01-15T07:30:00+01:00", durationSeconds: 3600, distanceMeters: null,
    calories: null, avgHeartRate: null, maxHeartRate: null, notes: null,
  });
});

test("a problem's errors go to their fields, with the server's unit; the rest is listed apart", () => {
  const { byField, others } = fieldMessages([
    { field: "durationSeconds", message: "must be between 1 and 86400" },
    { field: "maxHeartRate", message: "must not be below avgHeartRate" },
    { field: "maxHeartRate", message: "must be at most 250" },
    { field: "userId", message: "may not be changed" },
    { field: "[0].id", message: "is repeated" },
  ]);
  assert.deepEqual(byField, {
    durationSeconds: "must be between 1 and 86400 (durationSeconds, in seconds)",
    maxHeartRate: "must not be below avgHeartRate; must be at most 250",
  });
  assert.deepEqual(others, ["userId: may not be changed", "[0].id: is repeated"]);
  assert.deepEqual(fieldMessages([]), { byField: {}, others: [] });
});
