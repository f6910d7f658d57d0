import { diffChars } from "diff";
import { mapSpan } from "./diff";

export interface Occurrence {
  start: number;
  end: number;
}

// Letters, marks and digits join into one word when both sides are written with spaces between words.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const MARK = /^\p{M}$/u;
// Scripts written without spaces (or, for Hangul, with particles glued to nouns): a neighbour in them never extends a word.
const UNSPACED =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Yi}]$/u;

function joins(char: string): boolean {
  return WORD_CHAR.test(char) && (MARK.test(char) || !UNSPACED.test(char));
}

/** The code point that ends just before `index` (a whole surrogate pair, never half). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const code = text.codePointAt(index - 1)!;
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
    const pair = text.codePointAt(index - 2)!;
    if (pair > 0xffff) return String.fromCodePoint(pair);
  }
  return String.fromCodePoint(code);
}

function charAt(text: string, index: number): string {
  return index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : "";
}

/**
 * Whether the edge between `left` and `right` is a word boundary: it is not
 * when both are letters/digits of space-delimited scripts ("Lake|s",
 * "B|lake"), or when `right` is a combining mark. Next to Han, Kana or Hangul
 * there is always a boundary, so "Suzkwer" is whole in "苏茨克维Suzkwer说"
 * and "苏茨克维" is whole in "随后，苏茨克维宣布".
 */
function isBoundary(left: string, right: string): boolean {
  if (!left || !right) return true;
  if (MARK.test(right)) return false;
  return !(joins(left) && joins(right));
}

/**
 * Every whole-word, case-sensitive occurrence of `needle` in `text`, as UTF-16
 * offsets (end exclusive), left to right and not overlapping. Within
 * unspaced scripts a Han needle also matches inside a longer Han word: there
 * is no boundary to tell, which is why callers show context and let a person
 * choose.
 */
export function findOccurrences(text: string, needle: string): Occurrence[] {
  if (!needle) return [];
  const first = charAt(needle, 0);
  const last = charBefore(needle, needle.length);
  const found: Occurrence[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(needle, from);
    if (start < 0) return found;
    const end = start + needle.length;
    if (isBoundary(charBefore(text, start), first) && isBoundary(last, charAt(text, end))) {
      found.push({ start, end });
      from = end;
    } else {
      from = start + 1;
    }
  }
}

export interface OccurrenceContext {
  before: string;
  match: string;
  after: string;
  /** Whether text was cut off before `before` / after `after`. */
  truncatedBefore: boolean;
  truncatedAfter: boolean;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The text around an occurrence, about `radius` UTF-16 units either side,
 * cut at a space when one is near and never inside a surrogate pair.
 */
export function occurrenceContext(text: string, occurrence: Occurrence, radius = 40): OccurrenceContext {
  let from = Math.max(0, occurrence.start - radius);
  let to = Math.min(text.length, occurrence.end + radius);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < occurrence.start && space - from < radius / 2) from = space + 1;
    if (isLowSurrogate(text.charCodeAt(from))) from += 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space >= occurrence.end && to - space < radius / 2) to = space;
    if (isLowSurrogate(text.charCodeAt(to))) to -= 1;
  }
  return {
    before: text.slice(from, occurrence.start),
    match: text.slice(occurrence.start, occurrence.end),
    after: text.slice(occurrence.end, to),
    truncatedBefore: from > 0,
    truncatedAfter: to < text.length,
  };
}

/**
 * Where a span of `text` sits in `original`, the text it was edited from.
 * When the edits left the span intact this is that span; when an edit typed
 * it in, it is the empty span where that edit happened, so the caller still
 * has an anchor in the original text.
 */
export function spanInOriginal(original: string, text: string, start: number, end: number): { start: number; end: number; intact: boolean } {
  const mapped = mapSpan(text, original, start, end);
  if (mapped) return { ...mapped, intact: true };
  let oldPos = 0;
  let newPos = 0;
  for (const change of diffChars(text, original)) {
    const length = change.value.length;
    if (change.added) {
      newPos += length;
      continue;
    }
    if (start < oldPos + length) {
      const at = change.removed ? newPos : newPos + (start - oldPos);
      return { start: at, end: at, intact: false };
    }
    oldPos += length;
    if (!change.removed) newPos += length;
  }
  return { start: newPos, end: newPos, intact: false };
}
