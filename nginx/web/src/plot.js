// The drawings of a session's detail as numbers, without the DOM: a route projected into a box
// and a series scaled into a chart, each as the text of an SVG polyline's "points". Drawn on the
// page itself (no map tiles, no chart library), so nothing leaves the origin.

const round = (v) => Math.round(v * 10) / 10; // a tenth of a unit of the viewBox is plenty

/** [[x, y], ...] as polyline points: "12.5,40 13,41.2". */
export const pointsText = (points) => points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");

/**
 * [[latitude, longitude], ...] projected into a `width` × `height` box (y down) with `margin` on
 * every side: equirectangular, east–west scaled by the cosine of the route's middle latitude so
 * that a kilometre is as long either way, one scale for both axes (no stretching) and centred.
 * Points without a position are left out; fewer than two positions draw nothing ([]).
 * A route across the antimeridian is not handled (it would span the whole width).
 */
export function projectRoute(positions, { width, height, margin = 0 }) {
  const valid = positions.filter(([lat, lon]) => Number.isFinite(lat) && Number.isFinite(lon));
  if (valid.length < 2) return [];
  const lats = valid.map(([lat]) => lat);
  const middle = ((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180);
  const xs = valid.map(([, lon]) => lon * Math.cos(middle));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const roomX = width - 2 * margin;
  const roomY = height - 2 * margin;
  // A route that did not move (or only along one axis) is drawn at the centre, not divided by 0.
  const scale = Math.min(spanX ? roomX / spanX : Infinity, spanY ? roomY / spanY : Infinity);
  const k = Number.isFinite(scale) ? scale : 0;
  const left = (width - spanX * k) / 2;
  const top = (height - spanY * k) / 2;
  return valid.map(([lat], i) => [left + (xs[i] - minX) * k, top + (maxY - lat) * k]);
}

/** The smallest and largest finite value of `values`, or null when there is none. */
export function extent(values) {
  const finite = values.filter(Number.isFinite);
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : null;
}

/**
 * A line chart of ys over xs in a `width` × `height` box (y down) inside `margin`: the runs of
 * points between missing values (null: no sample, a pause) as separate lines, so that a gap is not
 * drawn as a straight line across it. `invert` puts small values at the top (a pace: faster is
 * up). A flat series is drawn across the middle. {lines: [[[x, y], ...], ...], x: [min, max],
 * y: [min, max]}, or null when there is nothing to draw.
 */
export function scaleChart(xs, ys, { width, height, margin = 0, invert = false }) {
  const both = xs.map((x, i) => [x, ys[i]]).filter(([x]) => Number.isFinite(x));
  const xRange = extent(both.map(([x]) => x));
  const yRange = extent(both.map(([, y]) => y));
  if (!xRange || !yRange) return null;
  const spanX = xRange[1] - xRange[0] || 1;
  const spanY = yRange[1] - yRange[0];
  const sx = (x) => margin + ((x - xRange[0]) / spanX) * (width - 2 * margin);
  const share = (y) => (spanY ? (y - yRange[0]) / spanY : 0.5);
  const sy = (y) => margin + (invert ? share(y) : 1 - share(y)) * (height - 2 * margin);
  const lines = [];
  let line = [];
  for (const [x, y] of both) {
    if (Number.isFinite(y)) {
      line.push([sx(x), sy(y)]);
    } else if (line.length) {
      lines.push(line);
      line = [];
    }
  }
  if (line.length) lines.push(line);
  return { lines, x: xRange, y: yRange };
}
