// Which Content-Type the page sends an activity file with, and which files it does not send
// (web/src/activity-files.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ACCEPT, MAX_FILE_BYTES, contentTypeOf, refusal } from "../../web/src/activity-files.js";

test("the media type comes from the file's name, whatever its case", () => {
  assert.equal(contentTypeOf("morning run.gpx"), "application/gpx+xml");
  assert.equal(contentTypeOf("Lap.TCX"), "application/vnd.garmin.tcx+xml");
  assert.equal(contentTypeOf("2026-11-01-07-00-00.fit"), "application/vnd.ant.fit");
  assert.equal(contentTypeOf("ride.fit.gz"), "application/gzip");
  assert.equal(contentTypeOf("track.gpx.GZ"), "application/gzip");
});

test("other names have none", () => {
  for (const name of ["notes.txt", "gpx", ".gpx.zip", "run.gpx.", "", null, "a.toString", "a.constructor", "dir.gpx/file"]) {
    assert.equal(contentTypeOf(name), null, String(name));
  }
});

test("the chooser accepts exactly the endings that have a type", () => {
  assert.equal(ACCEPT, ".gpx,.tcx,.fit,.gz");
});

test("a file is refused before sending when it has no type, is empty or is over 16 MiB", () => {
  assert.equal(refusal({ name: "a.gpx", size: MAX_FILE_BYTES }), null);
  assert.match(refusal({ name: "a.gpx", size: MAX_FILE_BYTES + 1 }), /16 MiB/);
  assert.match(refusal({ name: "a.gpx", size: 0 }), /empty/);
  assert.match(refusal({ name: "a.kml", size: 10 }), /not a GPX, TCX or FIT/);
});
