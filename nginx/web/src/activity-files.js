// What the page sends to POST /api/sessions/import: the contract's media type of each kind of
// activity file, found from the file's name (browsers give .gpx, .tcx and .fit files an empty or
// made-up type, so File.type cannot be trusted), and the contract's size limit.

/** The contract's limit for one file, compressed or not: larger ones are refused before sending. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const TYPES = {
  gpx: "application/gpx+xml",
  tcx: "application/vnd.garmin.tcx+xml",
  fit: "application/vnd.ant.fit",
  gz: "application/gzip", // a gzipped file of any of the three (the server reads what is inside)
};

/** The file chooser's accept list, from the same table. */
export const ACCEPT = Object.keys(TYPES).map((ending) => `.${ending}`).join(",");

/** The Content-Type for a file called `name` ("Run.GPX", "ride.fit.gz"), or null for another kind. */
export function contentTypeOf(name) {
  const ending = /\.([^./\\]+)$/.exec(name ?? "")?.[1].toLowerCase();
  return Object.hasOwn(TYPES, ending ?? "") ? TYPES[ending] : null;
}

/** Why the page will not send `file` ({name, size}), or null when it may go. */
export function refusal(file) {
  if (!contentTypeOf(file.name)) return "not a GPX, TCX or FIT file (nor one of them gzipped, .gz)";
  if (file.size > MAX_FILE_BYTES) return "larger than 16 MiB, the most Stride takes";
  if (file.size === 0) return "the file is empty";
  return null;
}
