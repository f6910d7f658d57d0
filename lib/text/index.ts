import { splitHtml } from "./split-html";
import { splitMarkdown } from "./split-markdown";
import { splitPlainText } from "./split-plain";
import type { TextSegment } from "./segment-kinds";

export type { SegmentKind, TextSegment } from "./segment-kinds";
export { SEGMENT_KINDS } from "./segment-kinds";
export { splitHtml, splitMarkdown, splitPlainText };

export const TEXT_FORMATS = ["txt", "md", "html"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** The format a file name implies, or null when it is not article text. */
export function textFormatOf(fileName: string): TextFormat | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (ext === "txt" || ext === "text") return "txt";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  return null;
}

/** Split article text of the given format into segments, positions in order. */
export function segmentText(text: string, format: TextFormat): TextSegment[] {
  if (format === "html") return splitHtml(text);
  if (format === "md") return splitMarkdown(text);
  return splitPlainText(text);
}
