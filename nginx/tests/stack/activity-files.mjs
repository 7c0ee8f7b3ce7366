// The page's activity files in headless Chromium (run from browserSuite, with its page opener):
// importing by the file picker and by dropping, the outcome of each file, a session's detail with
// its route and charts, the original file downloaded byte for byte, and the records table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const GPX = "application/gpx+xml";

/**
 * A GPX 1.1 run with Garmin's TrackPointExtension: `count` points `every` seconds from `start`,
 * 3 m/s east along a gentle wave near Milan, elevation and heart rate changing along the way.
 */
export function gpxRun({ count, start, every = 2, name = "Stack test run" }) {
  const [lat0, lon0] = [45.46, 9.19];
  const metersPerDegreeLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const points = Array.from({ length: count }, (_, i) => {
    const east = i * every * 3;
    const lat = lat0 + Math.sin(i / 150) * 0.002;
    const lon = lon0 + east / metersPerDegreeLon;
    const time = new Date(Date.parse(start) + i * every * 1000).toISOString();
    return `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>${(120 + 10 * Math.sin(i / 90)).toFixed(1)}</ele>`
      + `<time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${120 + (i % 40)}</gpxtpx:hr>`
      + "</gpxtpx:TrackPointExtension></extensions></trkpt>";
  });
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="stride stack tests" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <trk><name>${name}</name><type>running</type><trkseg>
${points.join("\n")}
  </trkseg></trk>
</gpx>
`);
}

/** A TCX treadmill run: time, distance and heart rate, no positions. */
function tcxTreadmill({ count, start }) {
  const points = Array.from({ length: count }, (_, i) => `<Trackpoint><Time>${new Date(Date.parse(start) + i * 5000).toISOString()}</Time>`
    + `<DistanceMeters>${(i * 15).toFixed(1)}</DistanceMeters><HeartRateBpm><Value>${110 + (i % 30)}</Value></HeartRateBpm></Trackpoint>`);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities><Activity Sport="Running"><Id>${start}</Id>
    <Lap StartTime="${start}"><TotalTimeSeconds>${(count - 1) * 5}</TotalTimeSeconds><DistanceMeters>${(count - 1) * 15}</DistanceMeters>
      <Track>${points.join("")}</Track></Lap>
    <Notes>Treadmill</Notes></Activity></Activities>
</TrainingCenterDatabase>
`);
}

const pad = (n) => String(n).padStart(2, "0");
const hms = (seconds) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};

export function activityFileTests({ stack, run, open, api, shot }) {
  /** POST /api/sessions/import straight to the API, with the admin token: {status, body}. */
  async function importDirectly(userId, bytes, type = GPX) {
    const response = await api(`/sessions/import?userId=${userId}`, { method: "POST", headers: { "Content-Type": type }, body: bytes });
    return { status: response.status, body: await response.json() };
  }

  /** The import list's item for `name` once it has an outcome. */
  async function outcomeOf(page, name) {
    const item = page.locator("#import-results li", { hasText: name });
    await item.and(page.locator(":not([data-outcome=sending])")).waitFor();
    return { outcome: await item.getAttribute("data-outcome"), text: await item.textContent(), id: await item.getAttribute("data-id") };
  }

  test("a GPX chosen with the file picker is imported, again it is 'already imported', a broken one shows the server's detail", async () => {
    const userId = `import-${run}`;
    const file = gpxRun({ count: 300, start: "2026-09-01T06:00:00Z" });
    const page = await open(`/?user=${userId}`);
    await page.locator("#sessions-empty").waitFor();
    const imports = [];
    page.on("request", (request) => { if (new URL(request.url()).pathname === "/api/sessions/import") imports.push(request); });

    await page.setInputFiles("#import-files", { name: "Morning Run.GPX", mimeType: "", buffer: file });
    const first = await outcomeOf(page, "Morning Run.GPX");
    assert.equal(first.outcome, "created", first.text);
    assert.match(first.text, /imported as the running session of Tue, Sep 1, 2026, 02:00 AM, 300 samples from GPX/);
    await page.locator(`#sessions-body tr[data-id="${first.id}"]`).waitFor();
    assert.equal(await imports[0].headerValue("content-type"), GPX, "the type of the name, not the browser's guess");
    assert.equal(new URL(imports[0].url()).searchParams.get("userId"), userId);
    const stored = await (await api(`/sessions/${first.id}`)).json();
    assert.equal(stored.source.sha256, createHash("sha256").update(file).digest("hex"), "the file's bytes as they are");
    assert.deepEqual([stored.userId, stored.source.format, stored.source.samples, stored.durationSeconds], [userId, "gpx", 300, 598]);

    await page.setInputFiles("#import-files", { name: "Morning Run.GPX", mimeType: "", buffer: file });
    await page.locator("#import-summary", { hasText: "0 imported, 1 already there" }).waitFor();
    const again = await outcomeOf(page, "Morning Run.GPX");
    assert.equal(again.outcome, "existing");
    assert.match(again.text, /already imported/);
    assert.equal(again.id, first.id);

    const broken = Buffer.from('<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="45" lon="9"></trkpt>');
    const { status, body: problem } = await importDirectly(`import-probe-${run}`, broken);
    assert.equal(status, 400);
    await page.setInputFiles("#import-files", [
      { name: "broken.gpx", mimeType: "", buffer: broken },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an activity") },
    ]);
    await page.locator("#import-summary", { hasText: "2 files" }).waitFor();
    const refused = await outcomeOf(page, "broken.gpx");
    assert.equal(refused.outcome, "refused");
    assert.ok(problem.detail && refused.text.includes(`refused: ${problem.detail}`), `${refused.text} names "${problem.detail}"`);
    assert.match((await outcomeOf(page, "notes.txt")).text, /not sent: not a GPX, TCX or FIT file/);
    assert.equal(imports.length, 3, "the .txt file was not sent");
    await shot(page, "import-outcomes");
    const listed = await (await api(`/sessions?userId=${userId}`)).json();
    assert.equal(listed.items.length, 1);
  });

  test("a gzipped file dropped on the zone goes as application/gzip and is imported", async () => {
    const userId = `drop-${run}`;
    const file = gpxRun({ count: 120, start: "2026-09-02T06:00:00Z", name: "Dropped" });
    const page = await open(`/?user=${userId}`);
    await page.locator("#sessions-empty").waitFor();
    const sent = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/sessions/import");
    const dataTransfer = await page.evaluateHandle(({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      return transfer;
    }, { name: "dropped.gpx.gz", bytes: [...gzipSync(file)] });
    await page.dispatchEvent("#drop-zone", "drop", { dataTransfer });
    assert.equal(await (await sent).headerValue("content-type"), "application/gzip");
    const dropped = await outcomeOf(page, "dropped.gpx.gz");
    assert.equal(dropped.outcome, "created", dropped.text);
    await page.locator(`#sessions-body tr[data-id="${dropped.id}"]`).waitFor();
    // The server keeps the file as it was inside the gzip: the same bytes as the plain GPX.
    assert.equal((await importDirectly(userId, file)).status, 200);
  });

  test("an imported session's detail draws its route as an SVG polyline and its charts; its file downloads as it was", async () => {
    const userId = `detail-${run}`;
    const file = gpxRun({ count: 1500, start: "2026-09-03T06:00:00Z" });
    const { status, body: session } = await importDirectly(userId, file);
    assert.equal(status, 201, JSON.stringify(session));
    const page = await open(`/?user=${userId}`);
    await page.locator(`#sessions-body tr[data-id="${session.id}"] a`, { hasText: "Details" }).click();
    await page.locator("#detail[open]").waitFor();
    const line = page.locator("#route-line");
    await line.waitFor();
    const points = (await line.getAttribute("points")).split(" ").map((pair) => pair.split(",").map(Number));
    assert.equal(points.length, 1000, "maxPoints=1000 of 1500 samples");
    assert.equal(await line.evaluate((node) => node.tagName), "polyline");
    assert.equal(await line.evaluate((node) => node.ownerSVGElement.parentElement.id), "route-box", "inline SVG in the page");
    const [width, height] = (await page.getAttribute("#route", "viewBox")).split(" ").slice(2).map(Number);
    assert.ok(points.every(([x, y]) => x >= 0 && x <= width && y >= 0 && y <= height), "inside the box");
    const xs = points.map(([x]) => x);
    assert.ok(Math.max(...xs) - Math.min(...xs) > width * 0.9, "an east-bound run fills the width");
    assert.ok(xs.every((x, i) => i === 0 || x >= xs[i - 1]), "west to east, as run");
    for (const chart of ["heart-rate", "pace", "elevation"]) {
      const polyline = page.locator(`#chart-${chart} polyline`).first();
      await polyline.waitFor({ state: "attached" }); // a flat line has no height: "visible" would never hold
      assert.ok((await polyline.getAttribute("points")).split(" ").length > 100, chart);
    }
    assert.match(await page.textContent("#chart-heart-rate figcaption"), /120 bpm to 159 bpm/);
    assert.match(await page.textContent("#detail-status"), /GPX file with 1500 samples \(1000 of them drawn\)/);
    await page.check("#detail-axis-distance");
    await page.locator("#chart-elevation p.axis", { hasText: /^0\.00 km → \d+\.\d\d km$/ }).waitFor();
    await shot(page, "session-detail");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#detail-download")]);
    assert.equal(download.suggestedFilename(), `${session.id}.gpx`);
    assert.equal(Buffer.compare(readFileSync(await download.path()), file), 0, "byte for byte");
    await page.keyboard.press("Escape");
    await page.locator("#detail[open]").waitFor({ state: "detached" });
    assert.equal(new URL(page.url()).hash, "", "the address forgets the session with the dialog");
  });

  test("a session without positions shows charts only; one recorded by hand has no drawings and no file", async () => {
    const userId = `indoor-${run}`;
    const { status, body: indoor } = await importDirectly(userId, tcxTreadmill({ count: 200, start: "2026-09-04T18:00:00Z" }),
      "application/vnd.garmin.tcx+xml");
    assert.equal(status, 201, JSON.stringify(indoor));
    const byHand = await api("/sessions", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userId, activity: "yoga", startedAt: "2026-09-05T07:00:00Z", durationSeconds: 1800 }),
    });
    const manual = await byHand.json();
    const page = await open(`/?user=${userId}`);
    await page.locator(`#sessions-body tr[data-id="${indoor.id}"] a`, { hasText: "Details" }).click();
    await page.locator("#chart-heart-rate polyline").first().waitFor({ state: "attached" });
    assert.equal(await page.isVisible("#route-none"), true);
    assert.equal(await page.isHidden("#route-box"), true);
    assert.equal(await page.locator("#route polyline").count(), 0);
    assert.equal(await page.locator("#chart-pace polyline").count() > 0, true, "pace from the file's distances");
    assert.equal(await page.isVisible("#detail-download"), true);
    await page.click("#detail-close");

    await page.locator(`#sessions-body tr[data-id="${manual.id}"] a`, { hasText: "Details" }).click();
    await page.locator("#detail-status", { hasText: "Recorded by hand" }).waitFor();
    assert.equal(await page.isHidden("#detail-drawings"), true);
    assert.equal(await page.isHidden("#detail-download"), true);
  });

  test("the records table shows the user's records, formatted, each linking to its session", async () => {
    const userId = `records-${run}`;
    const { body: session } = await importDirectly(userId, gpxRun({ count: 1200, start: "2026-09-06T06:00:00Z" }));
    const expected = (await (await api(`/users/${userId}/records`)).json()).records;
    const longest = expected.find((r) => r.kind === "longestDuration");
    const fastest = expected.find((r) => r.kind === "fastest" && r.distanceMeters === 1000);
    assert.ok(longest && fastest, JSON.stringify(expected));
    const page = await open(`/?user=${userId}`);
    const longestRow = page.locator("#records-body tr[data-kind=longestDuration]");
    await longestRow.waitFor();
    assert.equal(await page.locator("#records-body tr").count(), expected.length);
    assert.deepEqual((await longestRow.locator("td, th").allTextContents()).slice(0, 5),
      ["running", "Longest session", "–", hms(longest.value), "Sun, Sep 6, 2026, 02:00 AM"]);
    const fastestRow = page.locator("#records-body tr[data-kind=fastest]", { hasText: "1 km" });
    const perKm = Math.round(fastest.value);
    assert.equal(await fastestRow.locator("td.num").textContent(),
      `${hms(fastest.value)} (${Math.floor(perKm / 60)}:${pad(perKm % 60)} /km)`);
    await shot(page, "records");
    await fastestRow.locator("a", { hasText: "Session" }).press("Enter");
    await page.locator("#detail[open]").waitFor();
    await page.locator("#detail-title", { hasText: "The running session of Sun, Sep 6, 2026, 02:00 AM" }).waitFor();
    assert.equal(await fastestRow.getAttribute("data-session"), session.id);
  });
}
