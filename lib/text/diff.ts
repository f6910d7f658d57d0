import { diffArrays, diffChars } from "diff";

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Words, spaces and punctuation as Intl.Segmenter sees them for the language:
 * Chinese and Japanese get dictionary words instead of one run per sentence.
 * Joining the tokens gives the text back.
 */
export function wordTokens(text: string, lang?: string): string[] {
  const key = lang ?? "";
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang ? [lang] : undefined, { granularity: "word" });
    segmenters.set(key, segmenter);
  }
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** A word-level diff of two texts, for showing original → current. */
export function wordDiff(before: string, after: string, lang?: string): DiffPart[] {
  return diffArrays(wordTokens(before, lang), wordTokens(after, lang)).map((change) => ({
    value: change.value.join(""),
    added: Boolean(change.added),
    removed: Boolean(change.removed),
  }));
}

/**
 * Maps the span [start, end) of `from` onto `to`, when the edits between them
 * leave the span itself untouched (text before or after it may change).
 * Returns null when a change removes part of the span or inserts into it:
 * the caller must then refuse rather than guess.
 */
export function mapSpan(from: string, to: string, start: number, end: number): { start: number; end: number } | null {
  if (from === to) return { start, end };
  if (start >= end) return null;
  let oldPos = 0;
  let newPos = 0;
  let mappedStart: number | null = null;
  for (const change of diffChars(from, to)) {
    const length = change.value.length;
    if (change.added) {
      if (oldPos > start && oldPos < end) return null;
      newPos += length;
    } else if (change.removed) {
      if (oldPos < end && oldPos + length > start) return null;
      oldPos += length;
    } else {
      const runEnd = oldPos + length;
      if (mappedStart === null && start >= oldPos && start < runEnd) mappedStart = newPos + (start - oldPos);
      if (mappedStart !== null && end > oldPos && end <= runEnd) return { start: mappedStart, end: newPos + (end - oldPos) };
      oldPos = runEnd;
      newPos += length;
    }
  }
  return null;
}
