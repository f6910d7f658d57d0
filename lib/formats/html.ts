import { textDirection } from "../text/direction";
import type { ExportDocument, ExportFile, ExportSegment } from "./types";

/** A complete HTML5 document; every piece of text is escaped, nothing is emitted raw. */
export function writeHtml(doc: ExportDocument): ExportFile {
  const lang = doc.version.lang;
  const title = doc.segments.find((segment) => segment.kind === "title")?.text ?? doc.article.title;
  const body = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(lang)}" dir="${textDirection(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(oneLine(title))}</title>`,
    "</head>",
    "<body>",
    "<article>",
    ...doc.segments.map(htmlBlock),
    "</article>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { body, mediaType: "text/html; charset=utf-8", extension: "html" };
}

function htmlBlock(segment: ExportSegment): string {
  // Line breaks inside a block (a list imported as one paragraph) stay visible.
  const content = segment.text.split("\n").map(escapeHtml).join("<br>\n");
  if (segment.kind === "title") return `<h1>${content}</h1>`;
  if (segment.kind === "heading") return `<h2>${content}</h2>`;
  if (segment.kind === "meta") return `<p class="meta">${content}</p>`;
  return `<p>${content}</p>`;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, " ");
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
