import type { ExportSegment } from "./types";

/**
 * The imported file with each segment's originalText replaced by its current
 * text, everything between segments kept byte for byte. Null when some
 * originalText cannot be found in order, so the caller falls back to its
 * canonical layout.
 */
export function patchImported(imported: string, segments: readonly ExportSegment[]): string | null {
  const crlf = imported.includes("\r\n");
  let out = "";
  let from = 0;
  for (const segment of segments) {
    let original = segment.originalText;
    let text = segment.text;
    let at = imported.indexOf(original, from);
    // The splitters normalise CRLF, so a multi-line segment of a Windows file is stored with bare LF.
    if (at < 0 && crlf && original.includes("\n")) {
      original = original.replace(/\r?\n/g, "\r\n");
      text = text.replace(/\r?\n/g, "\r\n");
      at = imported.indexOf(original, from);
    }
    if (at < 0) return null;
    out += imported.slice(from, at) + text;
    from = at + original.length;
  }
  return out + imported.slice(from);
}
