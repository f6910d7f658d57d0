import { classifyBlocks } from "./classify";
import type { TextSegment } from "./segment-kinds";

/** Blank-line separated blocks, exactly as written apart from the line breaks around them. */
export function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ""))
    .filter((block) => block.trim() !== "");
}

/** Plain text: one segment per blank-line separated block. */
export function splitPlainText(text: string): TextSegment[] {
  const blocks = splitBlocks(text);
  const kinds = classifyBlocks(blocks);
  return blocks.map((block, i) => ({ kind: kinds[i], text: block }));
}
