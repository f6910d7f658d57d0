import { classifyBlocks } from "./classify";
import { splitBlocks } from "./split-plain";
import type { TextSegment } from "./segment-kinds";

const ATX_HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** Inline Markdown reduced to its visible text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

function stripBlockMarkers(block: string): string {
  return block
    .split("\n")
    .map((line) => line.replace(/^>\s?/, "").replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""))
    .join("\n");
}

/** Markdown: ATX headings (the first level-1 heading is the title), paragraphs, lists and quotes as text. */
export function splitMarkdown(text: string): TextSegment[] {
  const blocks = splitBlocks(text).flatMap((block) => {
    // A heading line may sit directly on top of its paragraph.
    const lines = block.split("\n");
    if (lines.length > 1 && ATX_HEADING.test(lines[0])) return [lines[0], lines.slice(1).join("\n")];
    return [block];
  }).filter((block) => !/^\s*(?:[-*_]\s*){3,}$/.test(block) && !/^```/.test(block));

  let titleSeen = false;
  const plain: string[] = [];
  const fixed: (TextSegment["kind"] | null)[] = [];
  for (const block of blocks) {
    const heading = ATX_HEADING.exec(block);
    if (heading) {
      const isTitle: boolean = !titleSeen && heading[1] === "#";
      titleSeen ||= isTitle;
      fixed.push(isTitle ? "title" : "heading");
      plain.push(stripInlineMarkdown(heading[2]));
    } else {
      fixed.push(null);
      plain.push(stripInlineMarkdown(stripBlockMarkers(block)));
    }
  }
  // Without an explicit title, fall back to the plain-text rules.
  const guessed = titleSeen ? null : classifyBlocks(plain);
  return plain
    .map((value, i) => ({ kind: fixed[i] ?? (guessed ? guessed[i] : "paragraph"), text: value }))
    .filter((segment) => segment.text.trim() !== "");
}
