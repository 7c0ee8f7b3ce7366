// Stride's page: one user's statistics, charts and sessions, a form to record more, activity files
// to import (imports.js), a dialog to edit a session and one with its detail (session-detail.js),
// the records (records-table.js) and the list's CSV export, for whoever is signed in (sign-in.js):
// a token without admin sees its own user only, an admin token any user. Plain DOM and fetch;
// Chart.js (window.Chart, loaded before this module) draws the statistics' charts.
import {
  ApiError, changeSession, exportCsv, get, newId, readSession, recordSession, remove, sessionsQuery,
} from "./api.js";
import { FIELDS, apiValues, fieldMessages, formTexts, mergePatch } from "./session-form.js";
import { startSignIn } from "./sign-in.js";
import { $, element, save } from "./dom.js";
import { clearImports, startImports } from "./imports.js";
import { clearRecords, loadRecords } from "./records-table.js";
import { closeDetail, openDetail, startDetail } from "./session-detail.js";
import { clock } from "./units.js";
import {
  addDays, browserTimeZone, isTimeZone, localInputValue, startOfDay, timeZones, today,
} from "./zone.js";

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// Presentation only: the activities themselves come from the API's OpenAPI document (see
// showActivities); one that has no colour here is drawn in FALLBACK_COLOR.
const COLORS = {
  running: "#0b6e4f", cycling: "#2563eb", swimming: "#0891b2", walking: "#65a30d", hiking: "#a16207",
  rowing: "#7c3aed", strength: "#dc2626", yoga: "#db2777",
};
const FALLBACK_COLOR = "#6b7280";
const METRICS = {
  duration: { label: "Time (hours)", of: (x) => x.totalDurationSeconds / 3600 },
  distance: { label: "Distance (km)", of: (x) => (x.totalDistanceMeters ?? 0) / 1000 },
  sessions: { label: "Sessions", of: (x) => x.sessionCount },
  calories: { label: "Calories (kcal)", of: (x) => x.totalCalories ?? 0 },
};
// The inputs of the two session forms by the API's field names: "r-start" records, "e-start" edits.
const INPUTS = {
  activity: "activity", startedAt: "start", durationSeconds: "duration", distanceMeters: "distance",
  calories: "calories", avgHeartRate: "avg-hr", maxHeartRate: "max-hr", notes: "notes",
};
// The forms: their input prefix, the box for errors of no field of theirs, the button that sends.
const RECORD = { prefix: "r", errors: "record-errors", submit: "record-submit" };
const EDIT = { prefix: "e", errors: "edit-errors", submit: "edit-save" };
// The order of the sessions list and of its CSV export.
const ORDER = "desc";

const state = {
  me: null, // GET /api/me of the signed-in token
  user: null,
  tz: browserTimeZone(),
  cursors: [null], // cursors[i] fetches page i; cursors[i + 1] is that page's nextCursor
  page: 0,
  pendingId: null, // the id of a session being recorded, kept until the server has answered
  editing: null, // the session in the edit dialog as last read, {session, etag}
  activitiesShown: null, // settles when the forms' activity choices are there (showActivities)
  // Answers to requests that a newer view has replaced are dropped.
  statsGeneration: 0,
  pageGeneration: 0,
};
const charts = {};

/** Whether the signed-in token may `scope` ("read", "write"); admin may everything. */
const may = (scope) => Boolean(state.me && (state.me.scopes.includes(scope) || state.me.scopes.includes("admin")));
const isAdmin = () => may("admin");
/** A 401: the sign-in has ended, and its dialog says so; nothing more to tell. */
const signInEnded = (error) => error instanceof ApiError && error.status === 401;

// ---------- formatting

const number = (digits) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
const integer = number(0);
const oneDecimal = number(1);
const twoDecimals = number(2);

function hoursMinutes(seconds) {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  return h ? `${integer.format(h)} h ${String(minutes % 60).padStart(2, "0")} min` : `${minutes} min`;
}

const km = (meters, format = twoDecimals) => (meters == null ? "–" : `${format.format(meters / 1000)} km`);
const dash = (value, unit = "") => (value == null ? "–" : `${integer.format(value)}${unit}`);

function when(iso) {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: state.tz, weekday: "short", year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit",
  }).format(new Date(iso));
}

function bucketLabel(start, bucket) {
  const [y, m, d] = start.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const options = bucket === "month" ? { month: "short", year: "numeric" } : { day: "numeric", month: "short", year: "2-digit" };
  const text = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", ...options }).format(date);
  return bucket === "week" ? `wk ${text}` : text;
}

function say(message, kind = "info") {
  const status = $("status");
  status.textContent = message;
  status.dataset.kind = kind;
}

// ---------- the filters

function selectedActivities() {
  return [...document.querySelectorAll("#activity-filter input:checked")].map((input) => input.value);
}

function selectedBucket() {
  return document.querySelector("input[name=bucket]:checked").value;
}

/** {from, to} as RFC 3339 for the chosen period in the chosen zone ({} for all time). */
function range() {
  const period = $("period").value;
  if (period === "all") return {};
  if (period !== "custom") {
    const end = today(state.tz);
    return { from: startOfDay(state.tz, addDays(end, 1 - Number(period))), to: startOfDay(state.tz, addDays(end, 1)) };
  }
  const from = $("from").value;
  const to = $("to").value;
  if (from && to && from > to) throw new RangeError("The first day is after the last day.");
  return {
    from: from ? startOfDay(state.tz, from) : undefined,
    to: to ? startOfDay(state.tz, addDays(to, 1)) : undefined,
  };
}

/** Shows the dates the chosen period covers in the date fields. */
function syncDates() {
  const period = $("period").value;
  if (period === "custom") return;
  const end = today(state.tz);
  $("from").value = period === "all" ? "" : addDays(end, 1 - Number(period));
  $("to").value = period === "all" ? "" : end;
}

function filters() {
  $("filters-error").textContent = "";
  try {
    return { ...range(), activity: selectedActivities() };
  } catch (error) {
    $("filters-error").textContent = error.message;
    return null;
  }
}

// ---------- statistics and charts

function showStatsUnavailable(message) {
  $("stats-note").textContent = message;
  $("stats-note").hidden = false;
  $("cards").hidden = true;
  $("charts").hidden = true;
}

async function loadStatistics(generation) {
  const query = filters();
  if (!query || !state.user) return;
  const path = `/users/${encodeURIComponent(state.user)}/stats`;
  let stats;
  let series;
  try {
    [stats, series] = await Promise.all([
      get(path, { ...query, tz: state.tz }),
      get(`${path}/series`, { ...query, tz: state.tz, bucket: selectedBucket() }),
    ]);
  } catch (error) {
    if (generation !== state.statsGeneration) return;
    if (error instanceof ApiError && error.status === 404) {
      showStatsUnavailable("This server does not compute statistics yet.");
    } else {
      showStatsUnavailable(`Statistics could not be loaded: ${error.message}`);
    }
    return;
  }
  if (generation !== state.statsGeneration) return;
  $("stats-note").hidden = true;
  $("cards").hidden = false;
  $("charts").hidden = false;
  document.body.dataset.stats = "available";
  showCards(stats);
  showActivityChart(stats.byActivity || []);
  showSeriesChart(series);
}

function showCards(s) {
  $("stat-sessions").textContent = integer.format(s.sessionCount);
  $("stat-time").textContent = hoursMinutes(s.totalDurationSeconds);
  $("stat-distance").textContent = km(s.totalDistanceMeters, oneDecimal);
  $("stat-calories").textContent = s.totalCalories == null ? "–" : `${integer.format(s.totalCalories)} kcal`;
  $("stat-heart-rate").textContent = s.avgHeartRate == null ? "–" : `${integer.format(s.avgHeartRate)} bpm`;
  $("stat-active-days").textContent = integer.format(s.activeDays);
  $("stat-streak").textContent = `${integer.format(s.longestStreakDays)} ${s.longestStreakDays === 1 ? "day" : "days"}`;
}

function drawChart(name, labels, values, colors, label) {
  const canvas = $(`${name}-chart`);
  canvas.dataset.points = String(values.length);
  if (!window.Chart) return; // the numbers below the chart still show everything
  const data = { labels, datasets: [{ label, data: values, backgroundColor: colors, borderRadius: 3 }] };
  if (charts[name]) {
    charts[name].data = data;
    charts[name].update();
    return;
  }
  charts[name] = new window.Chart(canvas, {
    type: "bar",
    data,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { intersect: false } },
      scales: { y: { beginAtZero: true } },
    },
  });
}

function dataTable(id, head, rows) {
  const table = $(id);
  table.replaceChildren(
    element("thead", {}, element("tr", {}, ...head.map((text) => element("th", { scope: "col", text })))),
    element("tbody", {}, ...rows),
  );
}

function numberCells(x) {
  return [
    element("td", { text: integer.format(x.sessionCount) }),
    element("td", { text: hoursMinutes(x.totalDurationSeconds) }),
    element("td", { text: km(x.totalDistanceMeters, oneDecimal) }),
    element("td", { text: x.totalCalories == null ? "–" : integer.format(x.totalCalories) }),
  ];
}

const HEAD = ["Sessions", "Time", "Distance", "Calories"];

function showActivityChart(byActivity) {
  const metric = METRICS[$("metric").value];
  drawChart("activity", byActivity.map((x) => x.activity), byActivity.map(metric.of),
    byActivity.map((x) => COLORS[x.activity] || FALLBACK_COLOR), metric.label);
  dataTable("activity-data", ["Activity", ...HEAD],
    byActivity.map((x) => element("tr", {}, element("th", { scope: "row", text: x.activity }), ...numberCells(x))));
}

function showSeriesChart(series) {
  const metric = METRICS[$("metric").value];
  const items = series.items || [];
  const bucket = series.bucket || selectedBucket();
  $("series-chart").dataset.bucket = bucket;
  drawChart("series", items.map((x) => bucketLabel(x.start, bucket)), items.map(metric.of), "#0b6e4f", metric.label);
  dataTable("series-data", [bucket === "day" ? "Day" : bucket === "week" ? "Week from" : "Month", ...HEAD],
    items.map((x) => element("tr", { "data-start": x.start },
      element("th", { scope: "row" }, element("time", { datetime: x.start, text: bucketLabel(x.start, bucket) })),
      ...numberCells(x))));
}

// ---------- the sessions table

async function loadPage(generation) {
  const query = filters();
  if (!query || !state.user) return;
  const size = Number($("page-size").value);
  let page;
  try {
    page = await get("/sessions", {
      ...sessionsQuery({ userId: state.user, ...query, order: ORDER }), limit: size, cursor: state.cursors[state.page],
    });
  } catch (error) {
    if (generation === state.pageGeneration) say(`Sessions could not be loaded: ${error.message}`, "error");
    return;
  }
  if (generation !== state.pageGeneration) return;
  state.cursors.length = state.page + 1;
  if (page.nextCursor) state.cursors.push(page.nextCursor);
  $("sessions-body").replaceChildren(...page.items.map(sessionRow));
  $("sessions-empty").hidden = page.items.length > 0 || state.page > 0;
  $("page-info").textContent = `Page ${state.page + 1}`;
  $("prev-page").disabled = state.page === 0;
  $("next-page").disabled = !page.nextCursor;
}

function sessionRow(s) {
  const heart = s.avgHeartRate == null && s.maxHeartRate == null ? "–"
    : `${s.avgHeartRate ?? "–"} / ${s.maxHeartRate ?? "–"} bpm`;
  const started = when(s.startedAt);
  const detail = element("a", {
    href: `#session/${s.id}`, class: "small", text: "Details", "aria-label": `Details of the ${s.activity} session of ${started}`,
  });
  const buttons = !may("write") ? [] : [
    element("button", {
      type: "button", class: "quiet small", text: "Edit",
      "aria-label": `Edit the ${s.activity} session of ${started}`,
      onclick: (event) => openEdit(s.id, event.currentTarget),
    }),
    element("button", {
      type: "button", class: "danger small", text: "Delete",
      "aria-label": `Delete the ${s.activity} session of ${started}`,
      onclick: () => confirmDelete(s, started),
    }),
  ];
  return element("tr", { "data-id": s.id },
    element("td", {}, element("time", { datetime: s.startedAt, text: started })),
    element("td", { "data-label": "Activity", text: s.activity }),
    element("td", { "data-label": "Duration", class: "num", text: clock(s.durationSeconds) }),
    element("td", { "data-label": "Distance", class: "num", text: km(s.distanceMeters) }),
    element("td", { "data-label": "Calories", class: "num", text: dash(s.calories, " kcal") }),
    element("td", { "data-label": "Heart rate", class: "num", text: heart }),
    element("td", { "data-label": "Notes", class: "notes", text: s.notes ?? "" }),
    element("td", { class: "actions" }, detail, ...buttons));
}

function confirmDelete(session, started) {
  const dialog = $("confirm-delete");
  $("confirm-delete-text").textContent = `Delete the ${session.activity} session of ${started}? This cannot be undone.`;
  dialog.returnValue = "";
  dialog.addEventListener("close", async () => {
    if (dialog.returnValue !== "delete") return;
    try {
      await remove(`/sessions/${session.id}`);
      say(`Deleted the ${session.activity} session of ${started}.`);
    } catch (error) {
      if (signInEnded(error)) return;
      say(error.status === 404 ? "That session was already deleted." : `Could not delete: ${error.message}`, "error");
    }
    $("sessions-title").focus();
    refresh({ keepPage: true });
  }, { once: true });
  dialog.showModal();
}

// ---------- the session forms (record, edit)

const inputOf = (form, field) => $(`${form.prefix}-${INPUTS[field]}`);

function clearFieldErrors(form) {
  for (const field of FIELDS) {
    inputOf(form, field).removeAttribute("aria-invalid");
    $(`${inputOf(form, field).id}-error`).textContent = "";
  }
  $(form.errors).replaceChildren();
}

/**
 * A refusal's invalid fields next to their inputs (aria-invalid; each input's aria-describedby
 * names its error text), the rest above the form's button; the first invalid input takes the focus.
 */
function showFieldErrors(form, error) {
  const { byField, others } = fieldMessages(error.fieldErrors);
  for (const [field, message] of Object.entries(byField)) {
    inputOf(form, field).setAttribute("aria-invalid", "true");
    $(`${inputOf(form, field).id}-error`).textContent = message;
  }
  if (others.length || !error.fieldErrors.length) {
    $(form.errors).replaceChildren(element("p", { text: error.message }), ...others.map((text) => element("p", { text })));
  }
  const invalid = FIELDS.map((field) => inputOf(form, field)).find((input) => input.hasAttribute("aria-invalid"));
  (invalid || $(form.submit)).focus();
}

/** What the form's inputs hold: {field: text}. */
const formValues = (form) => Object.fromEntries(FIELDS.map((field) => [field, inputOf(form, field).value]));

/**
 * The edit dialog's fields: copies of the record form's (one set of labels, units and hints), the
 * ids e-... for r-...; its start takes seconds, which a stored session may have.
 */
function editFields() {
  const copies = [...$("record-form").querySelectorAll(".field")].map((field) => field.cloneNode(true));
  for (const node of copies.flatMap((copy) => [...copy.querySelectorAll("[id], [for], [aria-describedby]")])) {
    for (const name of ["id", "for", "aria-describedby"]) {
      if (node.hasAttribute(name)) node.setAttribute(name, node.getAttribute(name).replace(/(^| )r-/g, "$1e-"));
    }
  }
  $("edit-meta").after(...copies);
  $("e-start").step = "1";
}

function fillForm(form, texts) {
  for (const field of FIELDS) inputOf(form, field).value = texts[field];
}

// ---------- recording

function formSession() {
  return { id: (state.pendingId ??= newId()), userId: state.user, ...apiValues(formValues(RECORD), state.tz) };
}

async function record(event) {
  event.preventDefault();
  if (!state.user) return;
  clearFieldErrors(RECORD);
  const session = formSession();
  const submit = $("record-submit");
  submit.disabled = true;
  try {
    const stored = await recordSession(session);
    state.pendingId = null;
    say(`Recorded the ${stored.activity} session of ${when(stored.startedAt)}.`);
    for (const id of ["r-duration", "r-distance", "r-calories", "r-avg-hr", "r-max-hr", "r-notes"]) $(id).value = "";
    $("r-start").value = localInputValue(state.tz, Date.now());
    refresh();
  } catch (error) {
    if (signInEnded(error)) return; // nothing was stored; the view (the form too) is cleared
    if (error instanceof ApiError && error.status === 409) state.pendingId = null;
    if (error instanceof ApiError && error.status < 500) {
      showFieldErrors(RECORD, error);
      say("The session was not recorded: see the form.", "error");
    } else {
      say(`The session was not recorded (${error.message}); press Record again to retry.`, "error");
    }
  } finally {
    submit.disabled = false;
  }
}

// ---------- editing

// Why a read or a change of the session failed, for what the edit dialog or the status line says.
function editFailure(error, doing) {
  if (!(error instanceof ApiError)) {
    return `Stride could not be reached (${error.message}): check the connection and try again.`;
  }
  switch (error.status) {
    case 403: return `Your token may not ${doing} this session: it needs the write scope.`;
    case 404: return "This session no longer exists: it was deleted elsewhere.";
    case 412: return "This session was changed elsewhere — reload it to see the current values.";
    default: return `Stride could not ${doing} the session: ${error.message}`;
  }
}

function editProblem(message = "", { reload = false } = {}) {
  $("edit-problem").textContent = message;
  $("edit-problem").hidden = !message;
  $("edit-reload").hidden = !reload;
}

/** The session as it is now, in the dialog's form, with the ETag its PATCH will name. */
function showEditing(session, etag) {
  state.editing = { session, etag };
  clearFieldErrors(EDIT);
  fillForm(EDIT, formTexts(session, state.tz));
  $("e-start-zone").textContent = `(${state.tz})`;
  const changed = session.updatedAt && session.updatedAt !== session.createdAt ? `; last changed ${when(session.updatedAt)}` : "";
  const source = session.source ? ` Imported from a ${session.source.format.toUpperCase()} file.` : "";
  $("edit-meta").textContent = `Recorded ${when(session.createdAt)}${changed}.${source}`;
}

/**
 * Edit opens the dialog with the session read afresh: its current values and ETag. It waits for the
 * activities (the first /api/openapi of a cold backend takes seconds): without them the choice
 * would be empty, and Save would send the activity as null.
 */
async function openEdit(id, button) {
  button.disabled = true;
  try {
    const [{ session, etag }] = await Promise.all([readSession(id), state.activitiesShown]);
    showEditing(session, etag);
    editProblem();
    $("edit").showModal();
    $("e-activity").focus();
  } catch (error) {
    if (signInEnded(error)) return;
    say(editFailure(error, "read"), "error");
    if (error.status === 404) refresh({ keepPage: true });
  } finally {
    button.disabled = false;
  }
}

async function reloadEditing() {
  const { id } = state.editing.session;
  $("edit-reload").disabled = true;
  try {
    const { session, etag } = await readSession(id);
    showEditing(session, etag);
    editProblem("Reloaded: the form shows the session as it is now. Make your change again and save.");
    $("e-activity").focus();
  } catch (error) {
    if (!signInEnded(error)) editProblem(editFailure(error, "read"), { reload: error.status !== 404 });
  } finally {
    $("edit-reload").disabled = false;
  }
}

/** Save sends the fields the user changed as a merge patch, If-Match the ETag the form was filled from. */
async function saveEditing(event) {
  event.preventDefault();
  const { session, etag } = state.editing;
  clearFieldErrors(EDIT);
  editProblem();
  const patch = mergePatch(session, formValues(EDIT), state.tz);
  if (!Object.keys(patch).length) {
    editProblem("Nothing to save: every field is as stored.");
    return;
  }
  $("edit-save").disabled = true;
  try {
    const { session: changed } = await changeSession(session.id, patch, etag);
    $("edit").close(); // its close event forgets the session
    say(`Saved the changes to the ${changed.activity} session of ${when(changed.startedAt)}.`);
    $("sessions-title").focus();
    refresh({ keepPage: true });
  } catch (error) {
    if (signInEnded(error)) return; // the view, the dialog too, is cleared
    if (error instanceof ApiError && error.status === 400) {
      showFieldErrors(EDIT, error);
      editProblem("The session was not changed: see the form.");
    } else {
      editProblem(editFailure(error, "change"), { reload: error.status === 412 });
      if (error.status === 404) refresh({ keepPage: true });
    }
  } finally {
    $("edit-save").disabled = false;
  }
}

function closeEditing() {
  if ($("edit").open) $("edit").close(); // its close event forgets the session
}

// ---------- the CSV export

/**
 * The export of the list's filters, fetched with the token (a link could not carry it) and saved
 * from an object URL: nothing leaves the origin.
 */
async function downloadCsv() {
  const query = filters();
  if (!query || !state.user) return;
  const button = $("download-csv");
  button.disabled = true;
  say("Preparing sessions.csv…");
  try {
    const blob = await exportCsv({ userId: state.user, ...query, order: ORDER });
    save(blob, "sessions.csv");
    say(`Downloaded sessions.csv (${integer.format(Math.ceil(blob.size / 1024))} KB).`);
  } catch (error) {
    if (!signInEnded(error)) {
      say(error instanceof ApiError ? `The CSV could not be made: ${error.message}`
        : `Stride could not be reached (${error.message}): try again.`, "error");
    }
  } finally {
    button.disabled = false;
  }
}

// ---------- the user, the zone and the whole view

function refresh({ keepPage = false } = {}) {
  if (!state.user) return;
  if (!keepPage) {
    state.cursors = [null];
    state.page = 0;
  }
  const query = filters();
  const records = query && loadRecords(state.user, { from: query.from, to: query.to, activity: query.activity }, { when });
  return Promise.all([loadStatistics(++state.statsGeneration), loadPage(++state.pageGeneration), records]);
}

function recentUsers() {
  return JSON.parse(localStorage.getItem("stride.users") || "[]");
}

function remember(user) {
  const recent = recentUsers().filter((u) => u !== user);
  recent.unshift(user);
  localStorage.setItem("stride.users", JSON.stringify(recent.slice(0, 10)));
  $("recent-users").replaceChildren(...recent.map((value) => element("option", { value })));
}

function choose(event) {
  event?.preventDefault();
  const user = $("user-id").value.trim();
  const tz = $("tz").value.trim() || browserTimeZone();
  $("user-id-error").textContent = "";
  $("tz-error").textContent = "";
  $("user-id").removeAttribute("aria-invalid");
  $("tz").removeAttribute("aria-invalid");
  if (!USER_ID.test(user)) {
    $("user-id-error").textContent = "1 to 64 letters, digits, . _ or -, starting with a letter or digit.";
    $("user-id").setAttribute("aria-invalid", "true");
    $("user-id").focus();
    return;
  }
  if (!isTimeZone(tz)) {
    $("tz-error").textContent = "Not a time zone this browser knows (e.g. Europe/Berlin).";
    $("tz").setAttribute("aria-invalid", "true");
    $("tz").focus();
    return;
  }
  const zoneChanged = tz !== state.tz;
  state.user = user;
  state.tz = tz;
  $("tz").value = tz;
  if (isAdmin()) remember(user);
  localStorage.setItem("stride.tz", tz);
  const url = new URL(location.href);
  url.searchParams.set("user", user);
  url.searchParams.set("tz", tz);
  history.replaceState(null, "", url);
  $("r-start-zone").textContent = `(${tz})`;
  if (zoneChanged || !$("r-start").value) $("r-start").value = localInputValue(tz, Date.now());
  syncDates();
  $("welcome").hidden = true;
  $("dashboard").hidden = false;
  document.title = `${user} · Stride`;
  refresh();
}

/**
 * The form's choice and the filter's boxes: the activities the API's OpenAPI document lists. The
 * form cannot be sent before they are there (it would send no activity).
 */
async function showActivities() {
  let activities;
  $("record-submit").disabled = true;
  try {
    activities = (await get("/openapi")).components.schemas.Activity.enum;
  } catch (error) {
    say(`Could not read the list of activities from the API: ${error.message}`, "error");
    return;
  }
  $("record-submit").disabled = false;
  for (const activity of activities) {
    $("r-activity").append(element("option", { value: activity, text: activity }));
    $("e-activity").append(element("option", { value: activity, text: activity }));
    $("import-activity").append(element("option", { value: activity, text: activity }));
    $("activity-filter").append(element("label", {},
      element("input", { type: "checkbox", name: "activity", value: activity }), ` ${activity}`));
  }
}

/** A token is in use: its user's view, or (admin) the user chosen as before. */
function signedIn(me) {
  state.me = me;
  const admin = isAdmin();
  const field = $("user-id");
  // Without admin the API answers the token's own user only: the field shows it, fixed.
  field.readOnly = !admin;
  if (admin) field.setAttribute("list", "recent-users");
  else field.removeAttribute("list");
  $("user-id-hint").textContent = admin ? "" : "(yours)";
  $("who").hidden = false;
  $("signed-out").hidden = true;
  $("record").hidden = !may("write");
  $("import").hidden = !may("write");
  const asked = new URLSearchParams(location.search).get("user");
  if (!admin) {
    field.value = me.userId;
    choose();
    $("main").focus({ preventScroll: true });
  } else {
    field.value = asked || recentUsers()[0] || "";
    $("welcome").hidden = false; // until a user is chosen
    if (asked) choose();
    field.focus();
  }
  showLinkedSession(); // an address with #session/<id>, opened before signing in

}

/** No token any more: nothing of the last user's view stays on the page. */
function signedOut() {
  state.me = null;
  state.user = null;
  state.pendingId = null;
  // Answers still on their way belong to the old view and are dropped.
  state.statsGeneration++;
  state.pageGeneration++;
  for (const name of Object.keys(charts)) {
    charts[name].destroy();
    delete charts[name];
  }
  for (const id of ["sessions-body", "activity-data", "series-data", "record-errors"]) $(id).replaceChildren();
  for (const card of document.querySelectorAll("#cards dd")) card.textContent = "–";
  $("record-form").reset();
  clearFieldErrors(RECORD);
  closeEditing();
  closeDetail();
  clearRecords();
  clearImports();
  say("");
  $("dashboard").hidden = true;
  $("welcome").hidden = true;
  $("who").hidden = true;
  $("signed-out").hidden = false;
  document.title = "Stride";
}

// ---------- links to a session: #session/<id> opens its detail (the list's and the records' links)

const SESSION_LINK = /^#session\/([0-9A-Fa-f-]{36})$/;

function showLinkedSession() {
  const id = SESSION_LINK.exec(location.hash)?.[1];
  if (id && state.me) openDetail(id);
}

/** The dialog closed: the address no longer names the session, so the same link opens it again. */
function forgetLinkedSession() {
  if (SESSION_LINK.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
}

function init() {
  editFields(); // before the activities are added to both forms
  state.activitiesShown = showActivities();
  $("zones").replaceChildren(...timeZones().map((value) => element("option", { value })));
  $("recent-users").replaceChildren(...recentUsers().map((value) => element("option", { value })));

  const savedZone = new URLSearchParams(location.search).get("tz") || localStorage.getItem("stride.tz");
  state.tz = isTimeZone(savedZone) ? savedZone : browserTimeZone();
  $("tz").value = state.tz;

  $("who").addEventListener("submit", choose);
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("period").addEventListener("change", () => { syncDates(); refresh(); });
  for (const id of ["from", "to"]) {
    $(id).addEventListener("change", () => { $("period").value = "custom"; refresh(); });
  }
  $("activity-filter").addEventListener("change", () => refresh());
  for (const radio of document.querySelectorAll("input[name=bucket]")) {
    radio.addEventListener("change", () => refresh({ keepPage: true }));
  }
  $("metric").addEventListener("change", () => refresh({ keepPage: true }));
  $("page-size").addEventListener("change", () => refresh());
  $("next-page").addEventListener("click", () => {
    if (state.page + 1 >= state.cursors.length) return;
    state.page += 1;
    loadPage(++state.pageGeneration);
  });
  $("prev-page").addEventListener("click", () => {
    if (state.page === 0) return;
    state.page -= 1;
    loadPage(++state.pageGeneration);
  });
  $("record-form").addEventListener("submit", record);
  $("edit-form").addEventListener("submit", saveEditing);
  $("edit-reload").addEventListener("click", reloadEditing);
  $("edit-cancel").addEventListener("click", closeEditing);
  $("edit").addEventListener("close", () => { state.editing = null; });
  $("download-csv").addEventListener("click", downloadCsv);
  $("sessions-title").tabIndex = -1;
  startImports({ userId: () => state.user, when, imported: () => refresh(), signInEnded });
  startDetail({ when, signInEnded, closed: forgetLinkedSession });
  window.addEventListener("hashchange", showLinkedSession);

  startSignIn({ signedIn, signedOut });
}

init();
