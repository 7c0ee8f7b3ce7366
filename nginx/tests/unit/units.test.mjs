// The page's durations, distances and paces (web/src/units.js) and the records table's texts
// (web/src/records.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { clock, distanceName, kmText, minutesSeconds, paceText } from "../../web/src/units.js";
import { recordTexts } from "../../web/src/records.js";

test("durations are h:mm:ss, rounded to the second", () => {
  assert.equal(clock(0), "0:00:00");
  assert.equal(clock(59.6), "0:01:00");
  assert.equal(clock(3725.4), "1:02:05");
  assert.equal(clock(86400), "24:00:00");
  assert.equal(minutesSeconds(269.6), "4:30");
  assert.equal(minutesSeconds(3600), "1:00:00");
});

test("a pace is per km, per 100 m on the water, and a speed on a bike", () => {
  assert.equal(paceText(1350, 5000, "running"), "4:30 /km");
  assert.equal(paceText(3599.6, 10000, "hiking"), "6:00 /km");
  assert.equal(paceText(105, 100, "swimming"), "1:45 /100 m");
  assert.equal(paceText(420, 400, "rowing"), "1:45 /100 m");
  assert.equal(paceText(3600, 32400, "cycling"), "32.4 km/h");
  assert.equal(paceText(0, 1000, "running"), "–");
  assert.equal(paceText(300, null, "running"), "–");
});

test("distances: km with two decimals, a record's distance by its name", () => {
  assert.equal(kmText(12345), "12.35 km");
  assert.equal(kmText(null), "–");
  assert.deepEqual([100, 400, 1000, 1500, 5000, 21097.5, 42195, 100000].map(distanceName),
    ["100 m", "400 m", "1 km", "1.5 km", "5 km", "half marathon", "marathon", "100 km"]);
});

test("each kind of record reads as its unit", () => {
  const base = { activity: "running", sessionId: "s", startedAt: "2026-01-01T00:00:00Z" };
  assert.deepEqual(recordTexts({ ...base, kind: "longestDuration", value: 5025 }),
    { activity: "running", record: "Longest session", distance: "–", value: "1:23:45" });
  assert.deepEqual(recordTexts({ ...base, kind: "farthestDistance", value: 21234.5 }),
    { activity: "running", record: "Farthest session", distance: "–", value: "21.23 km" });
  assert.equal(recordTexts({ ...base, kind: "mostCalories", value: 850 }).value, "850 kcal");
  assert.deepEqual(recordTexts({ ...base, kind: "fastest", distanceMeters: 5000, value: 1312.4 }),
    { activity: "running", record: "Fastest", distance: "5 km", value: "0:21:52 (4:22 /km)" });
  assert.equal(recordTexts({ ...base, activity: "cycling", kind: "fastest", distanceMeters: 40000, value: 3600 }).value,
    "1:00:00 (40.0 km/h)");
  assert.deepEqual(recordTexts({ ...base, kind: "steepest", value: 12 }),
    { activity: "running", record: "steepest", distance: "–", value: "12" });
});
