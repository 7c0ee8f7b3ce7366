// The few DOM helpers every part of the page uses: elements by id, new elements (HTML and SVG)
// with attributes and children, and saving a fetched Blob as a download.

export const $ = (id) => document.getElementById(id);

const SVG = "http://www.w3.org/2000/svg";

// Attributes only, never a style attribute: the page's CSP (no 'unsafe-inline') would refuse one.
function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** <tag attributes...>children</tag>; "text" sets the text, "onclick" etc. add a listener. */
export const element = (tag, attributes = {}, ...children) => fill(document.createElement(tag), attributes, children);

/** The same for SVG (<svg>, <polyline>, <text>...): drawn in the page, nothing fetched. */
export const svgElement = (tag, attributes = {}, ...children) => fill(document.createElementNS(SVG, tag), attributes, children);

/**
 * Saves `blob` as `filename` through an object URL: what the page fetched with its token (a link
 * could not carry it) is downloaded without leaving the origin.
 */
export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = element("a", { href: url, download: filename, hidden: "" });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL is only kept for a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
