// The route and the charts of a session's detail as numbers (web/src/plot.js, web/src/samples.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { extent, pointsText, projectRoute, scaleChart } from "../../web/src/plot.js";
import { chartSeries, column, positions, speeds } from "../../web/src/samples.js";

const close = (actual, expected, what) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} ≠ ${expected}`);

test("a route at 60° N is scaled east–west by cos 60°: a square in km is a square on the page", () => {
  // 1° of latitude tall, 2° of longitude wide: at 60° both are about 111 km.
  const points = projectRoute([[59.5, 10], [60.5, 12]], { width: 200, height: 100, margin: 0 });
  const [[x0, y0], [x1, y1]] = points;
  close(Math.abs(x1 - x0), Math.abs(y1 - y0), "width = height");
  close(y1 - y0, -100, "north is up, the height fills the box");
  close((x0 + x1) / 2, 100, "centred across");
});

test("the route is fitted into the box inside the margin, keeping its shape", () => {
  const route = [[45.0, 9.0], [45.01, 9.0], [45.01, 9.05], [45.0, 9.05]];
  const points = projectRoute(route, { width: 400, height: 300, margin: 10 });
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  close(Math.min(...xs), 10, "wider than tall: fills the width");
  close(Math.max(...xs), 390, "right edge");
  assert.ok(Math.min(...ys) > 10 && Math.max(...ys) < 290, "and stays inside the height");
  close((Math.min(...ys) + Math.max(...ys)) / 2, 150, "centred vertically");
  const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
  close(ratio, (0.05 * Math.cos(45.005 * Math.PI / 180)) / 0.01, "the aspect of the ground");
});

test("a route that did not move, or a single point, or none: no division by zero", () => {
  assert.deepEqual(projectRoute([[45, 9], [45, 9]], { width: 100, height: 50 }), [[50, 25], [50, 25]]);
  assert.deepEqual(projectRoute([[45, 9]], { width: 100, height: 50 }), []);
  assert.deepEqual(projectRoute([[null, null], [45, 9], [NaN, 1]], { width: 100, height: 50 }), []);
  const line = projectRoute([[45, 9], [46, 9]], { width: 100, height: 50 }); // north–south only
  assert.deepEqual(line, [[50, 50], [50, 0]]);
});

test("polyline points are x,y pairs with a tenth of precision", () => {
  assert.equal(pointsText([[1.234, 5], [10, 20.06]]), "1.2,5 10,20.1");
});

test("a chart fills its box, high values up, and breaks at missing values", () => {
  const chart = scaleChart([0, 1, 2, 3, 4], [100, 150, null, 200, 150], { width: 110, height: 60, margin: 5 });
  assert.deepEqual(chart.x, [0, 4]);
  assert.deepEqual(chart.y, [100, 200]);
  assert.deepEqual(chart.lines, [[[5, 55], [30, 30]], [[80, 5], [105, 30]]]);
  const inverted = scaleChart([0, 1], [300, 240], { width: 10, height: 10, invert: true });
  assert.deepEqual(inverted.lines, [[[0, 10], [10, 0]]], "a faster pace (smaller) is higher");
});

test("a flat series is drawn across the middle; nothing to draw is null", () => {
  assert.deepEqual(scaleChart([0, 10], [120, 120], { width: 10, height: 10 }).lines, [[[0, 5], [10, 5]]]);
  assert.equal(scaleChart([0, 1], [null, null], { width: 10, height: 10 }), null);
  assert.equal(scaleChart([], [], { width: 10, height: 10 }), null);
  assert.deepEqual(extent([null, 3, NaN, -1]), [-1, 3]);
});

const FIELDS = ["offsetSeconds", "latitude", "longitude", "elevationMeters", "distanceMeters", "heartRate", "cadence", "powerWatts", "speedMetersPerSecond"];

test("samples by name: columns, positions, and speeds from the file or from the distance", () => {
  const samples = {
    fields: FIELDS,
    points: [
      [0, 45.46, 9.19, 122, 0, 97, null, null, null],
      [10, 45.461, 9.19, 123, 30, 120, null, null, null],
      [20, null, null, null, 32, 130, null, null, null],
      [30, 45.462, 9.191, 125, 62, null, null, null, 3.5],
    ],
  };
  assert.deepEqual(column(samples, "heartRate"), [97, 120, 130, null]);
  assert.deepEqual(column(samples, "noSuchField"), [null, null, null, null]);
  assert.deepEqual(positions(samples), [[45.46, 9.19], [45.461, 9.19], [45.462, 9.191]]);
  // 30 m in 10 s; 2 m in 10 s is standing (a gap); the file's own 3.5 m/s wins over 3.0.
  assert.deepEqual(speeds(samples), [null, 3, null, 3.5]);
  const series = chartSeries(samples);
  assert.deepEqual(series.minutes, [0, 10 / 60, 20 / 60, 0.5]);
  assert.deepEqual(series.km, [0, 0.03, 0.032, 0.062]);
  assert.deepEqual(series.elevation, [122, 123, null, 125]);
});

test("samples without distances have no distance axis", () => {
  const series = chartSeries({ fields: FIELDS, points: [[0, null, null, null, null, 90, null, null, null]] });
  assert.equal(series.km, null);
  assert.deepEqual(series.heartRate, [90]);
});
