// One session's detail, in a dialog: its numbers and, for a session imported from a file, the
// route (an SVG polyline of up to 1000 of its samples, projected in plot.js) and small charts of
// heart rate, pace and elevation over time or distance, plus its original file to download. All
// of it is drawn in the page: no map tiles, no chart library, nothing from another origin.
import { ApiError, originalFile, readSession, sessionSamples } from "./api.js";
import { $, element, save, svgElement } from "./dom.js";
import { pointsText, projectRoute, scaleChart } from "./plot.js";
import { chartSeries, positions } from "./samples.js";
import { clock, kmText, minutesSeconds, paceText } from "./units.js";

// The route and the charts in viewBox units; CSS scales them to the dialog's width.
const ROUTE = { width: 400, height: 300, margin: 12 };
const CHART = { width: 400, height: 110, margin: 8 };
const MAX_POINTS = 1000;

let hooks; // {when(iso), signInEnded(error)}
let shown = null; // {session, series} of the session in the dialog
let generation = 0; // an answer for a session no longer asked for is dropped

/** Wires the dialog; `given` as `hooks` above. */
export function startDetail(given) {
  hooks = given;
  $("detail-close").addEventListener("click", () => $("detail").close());
  $("detail-download").addEventListener("click", download);
  for (const radio of document.querySelectorAll("input[name=detail-axis]")) radio.addEventListener("change", drawCharts);
  $("detail").addEventListener("close", () => {
    shown = null;
    generation++;
    given.closed?.();
  });
}

export function closeDetail() {
  if ($("detail").open) $("detail").close();
}

/** Opens the dialog on session `id` and fills it once its session (and samples) are read. */
export async function openDetail(id) {
  const mine = ++generation;
  shown = null;
  $("detail-title").textContent = "Session";
  $("detail-meta").textContent = "";
  $("detail-status").textContent = "Loading…";
  $("detail-drawings").hidden = true;
  $("detail-download").hidden = true;
  if (!$("detail").open) $("detail").showModal();
  try {
    const { session } = await readSession(id);
    const samples = session.source ? await sessionSamples(id, MAX_POINTS) : null;
    if (mine !== generation) return;
    show(session, samples);
  } catch (error) {
    if (mine !== generation) return;
    if (hooks.signInEnded(error)) {
      closeDetail();
      return;
    }
    $("detail-status").textContent = error instanceof ApiError && error.status === 404
      ? "This session does not exist (any more)." : `The session could not be loaded: ${error.message}`;
  }
}

function show(session, samples) {
  const started = hooks.when(session.startedAt);
  $("detail-title").textContent = `The ${session.activity} session of ${started}`;
  const heart = session.avgHeartRate == null ? "" : ` · heart rate ${session.avgHeartRate} / ${session.maxHeartRate ?? "–"} bpm`;
  $("detail-meta").textContent = `${clock(session.durationSeconds)} · ${kmText(session.distanceMeters)}${heart}`;
  if (!session.source) {
    $("detail-status").textContent = "Recorded by hand: there is no file, so no route and no charts.";
    return;
  }
  $("detail-status").textContent = `Imported from a ${session.source.format.toUpperCase()} file with ${session.source.samples} samples`
    + (samples.points.length < session.source.samples ? ` (${samples.points.length} of them drawn).` : ".");
  $("detail-download").hidden = false;
  shown = { session, series: chartSeries(samples) };
  $("detail-drawings").hidden = false;
  drawRoute(positions(samples));
  const byDistance = $("detail-axis-distance");
  byDistance.disabled = !shown.series.km;
  if (!shown.series.km) $("detail-axis-time").checked = true;
  drawCharts();
}

function drawRoute(route) {
  const points = projectRoute(route, ROUTE);
  $("route-box").hidden = points.length === 0;
  $("route-none").hidden = points.length > 0;
  if (!points.length) return;
  const [start, end] = [points[0], points.at(-1)];
  $("route").replaceChildren(
    svgElement("polyline", { id: "route-line", class: "route-line", points: pointsText(points) }),
    svgElement("circle", { class: "route-start", cx: start[0].toFixed(1), cy: start[1].toFixed(1), r: 6 }),
    svgElement("circle", { class: "route-end", cx: end[0].toFixed(1), cy: end[1].toFixed(1), r: 6 }),
  );
}

/** Pace (time per km, faster up) or, for cycling, speed: from the samples' m/s, by paceText. */
function paceChart(activity, speeds) {
  if (activity === "cycling") {
    return { name: "speed", title: "Speed", values: speeds, label: (v) => paceText(1, v, activity) };
  }
  return {
    name: "pace", title: "Pace", values: speeds.map((v) => (v == null ? null : 1 / v)), invert: true,
    label: (secondsPerMeter) => paceText(secondsPerMeter, 1, activity),
  };
}

function drawCharts() {
  if (!shown) return;
  const { series, session } = shown;
  const distance = $("detail-axis-distance").checked && series.km;
  const xs = distance ? series.km : series.minutes;
  const xLabel = (x) => (distance ? `${x.toFixed(2)} km` : minutesSeconds(x * 60));
  const charts = [
    { name: "heart-rate", title: "Heart rate", values: series.heartRate, label: (v) => `${Math.round(v)} bpm` },
    paceChart(session.activity, series.speed),
    { name: "elevation", title: "Elevation", values: series.elevation, label: (v) => `${Math.round(v)} m` },
  ];
  const figures = charts.map((chart) => figure(chart, xs, xLabel, distance ? "distance" : "time")).filter(Boolean);
  $("detail-charts").replaceChildren(...figures);
  $("charts-none").hidden = figures.length > 0;
}

/** One small chart: a figure with its caption (the range) and an SVG of one polyline a run. */
function figure({ name, title, values, label, invert = false }, xs, xLabel, over) {
  const scaled = scaleChart(xs, values, { ...CHART, invert });
  if (!scaled || !scaled.lines.length) return null;
  const [low, high] = invert ? [scaled.y[1], scaled.y[0]] : scaled.y;
  const range = `${label(low)} to ${label(high)}`;
  const id = `chart-${name}`;
  const svg = svgElement("svg", {
    viewBox: `0 0 ${CHART.width} ${CHART.height}`, class: "line-chart", role: "img",
    "aria-label": `${title} over ${over}, from ${range}`, "data-lines": scaled.lines.length,
  },
  ...scaled.lines.map((line) => svgElement("polyline", { class: "chart-line", points: pointsText(line) })),
  svgElement("text", { class: "chart-label", x: 4, y: 12, text: label(high) }),
  svgElement("text", { class: "chart-label", x: 4, y: CHART.height - 4, text: label(low) }));
  return element("figure", { class: "detail-chart", id, "data-chart": name },
    element("figcaption", {}, element("strong", { text: title }), ` ${range}`),
    svg,
    element("p", { class: "hint axis", text: `${xLabel(scaled.x[0])} → ${xLabel(scaled.x[1])}` }));
}

async function download() {
  if (!shown) return;
  const { session } = shown;
  const button = $("detail-download");
  button.disabled = true;
  try {
    const { blob, filename } = await originalFile(session.id, `${session.id}.${session.source.format}`);
    save(blob, filename);
    $("detail-status").textContent = `Downloaded ${filename}.`;
  } catch (error) {
    if (hooks.signInEnded(error)) return;
    $("detail-status").textContent = `The file could not be downloaded: ${error.message}`;
  } finally {
    button.disabled = false;
  }
}
