import { patchImported } from "./patch-imported";
import { joinBlocks } from "./txt";
import type { ExportDocument, ExportFile, ExportSegment } from "./types";

/** Markdown: the imported file patched with the corrections, or one block per segment. */
export function writeMarkdown(doc: ExportDocument): ExportFile {
  const patched = doc.imported?.format === "md" ? patchImported(doc.imported.text, doc.segments) : null;
  const body = patched ?? joinBlocks(doc.segments.map(markdownBlock));
  return { body, mediaType: "text/markdown; charset=utf-8", extension: "md" };
}

function markdownBlock(segment: ExportSegment): string {
  if (segment.kind === "title") return `# ${headingText(segment.text)}`;
  if (segment.kind === "heading") return `## ${headingText(segment.text)}`;
  return segment.text.split("\n").map((line, i) => escapeLineStart(line, i > 0)).join("\n");
}

/** A heading is one line; a trailing " #" would be read as its closing sequence. */
function headingText(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, " ").replace(/ (#+)$/, " \\$1");
}

/**
 * Backslash-escapes what would turn a text line into another block: ATX
 * headings, quotes, bullets, ordered-list numbers ("1. August"), thematic
 * breaks, code fences and, below another line, setext underlines.
 */
export function escapeLineStart(line: string, followsLine: boolean): string {
  const ordered = /^( {0,3})(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}${ordered[2]}\\${ordered[3]}${line.slice(ordered[0].length)}`;
  if (/^ {0,3}(?:`{3}|~{3})/.test(line) || (followsLine && /^ {0,3}=+\s*$/.test(line))) return line.replace(/^( *)/, "$1\\");
  return line.replace(/^( {0,3})([#>+\-*_\\])/, "$1\\$2");
}
