import { patchImported } from "./patch-imported";
import type { ExportDocument, ExportFile } from "./types";

/** Plain text: the imported file patched with the corrections, or the segments one blank line apart. */
export function writeTxt(doc: ExportDocument): ExportFile {
  const patched = doc.imported?.format === "txt" ? patchImported(doc.imported.text, doc.segments) : null;
  const body = patched ?? joinBlocks(doc.segments.map((segment) => segment.text));
  return { body, mediaType: "text/plain; charset=utf-8", extension: "txt" };
}

/** Blocks separated by one blank line, ending with a newline. */
export function joinBlocks(blocks: readonly string[]): string {
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}
