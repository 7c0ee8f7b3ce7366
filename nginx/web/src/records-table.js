// The records table of the user the page shows (GET /api/users/{userId}/records), with the filters
// of the rest of the page; each row links to its session's detail.
import { ApiError, get } from "./api.js";
import { $, element } from "./dom.js";
import { recordTexts } from "./records.js";

let generation = 0; // answers to a request that a newer one replaced are dropped

/** Shows the records of `userId` for `query` ({from, to, activity}); `when` writes a date. */
export async function loadRecords(userId, query, { when }) {
  const mine = ++generation;
  let answer;
  try {
    answer = await get(`/users/${encodeURIComponent(userId)}/records`, query);
  } catch (error) {
    if (mine !== generation) return;
    clearRecords();
    $("records-note").hidden = false;
    $("records-note").textContent = error instanceof ApiError && error.status === 404
      ? "This server does not keep records yet." : `Records could not be loaded: ${error.message}`;
    return;
  }
  if (mine !== generation) return;
  const rows = answer.records.map((record) => {
    const texts = recordTexts(record);
    const date = when(record.startedAt);
    return element("tr", { "data-kind": record.kind, "data-session": record.sessionId },
      element("td", { text: texts.activity }),
      element("th", { scope: "row", text: texts.record }),
      element("td", { text: texts.distance }),
      element("td", { class: "num", text: texts.value }),
      element("td", {}, element("time", { datetime: record.startedAt, text: date })),
      element("td", {}, element("a", {
        href: `#session/${record.sessionId}`, text: "Session",
        "aria-label": `The ${texts.activity} session of ${date}`,
      })));
  });
  $("records-body").replaceChildren(...rows);
  $("records-note").hidden = rows.length > 0;
  $("records-note").textContent = "No records yet: they come with sessions.";
}

/** Empties the table; a request still on its way is dropped. */
export function clearRecords() {
  generation++;
  $("records-body").replaceChildren();
}
