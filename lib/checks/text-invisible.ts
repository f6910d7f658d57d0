import { primaryLang } from "./text-words";

/** A stretch of text holding invisible format characters, and the same text without them. */
export interface InvisibleSpan {
  start: number;
  end: number;
  without: string;
  kinds: Set<"zero-width" | "bidi">;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const ANY_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/;
// Scripts that need ZWNJ/ZWJ to shape words (Arabic, Persian, Indic…): everything but these.
const JOINERLESS = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
// Scripts written without spaces that use U+200B as a line-break hint.
const ZWSP_SCRIPTS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const RTL_LANGS = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"]);

export function isRtlLang(lang: string): boolean {
  return RTL_LANGS.has(primaryLang(lang));
}

function charBefore(text: string, i: number): string {
  const cp = text.codePointAt(i - 1);
  if (cp === undefined) return "";
  // A low surrogate: step back to the whole astral character.
  if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) return String.fromCodePoint(text.codePointAt(i - 2)!);
  return String.fromCodePoint(cp);
}

function charAfter(text: string, i: number): string {
  const cp = text.codePointAt(i + 1);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** Whether this invisible character is doing a legitimate job where it stands. */
function isLegitimate(text: string, i: number): boolean {
  const ch = text[i];
  const before = charBefore(text, i);
  const after = charAfter(text, i);
  // A byte-order mark opening the text is an encoding artefact the importer may keep; only one inside text hides.
  if (ch === "\uFEFF" && i === 0) return true;
  if (ch === "\u200C" || ch === "\u200D") {
    if (EMOJI.test(before) && (ch === "\u200C" || EMOJI.test(after))) return true;
    const shaping = (c: string) => LETTER_OR_MARK.test(c) && !JOINERLESS.test(c);
    return shaping(before) || shaping(after);
  }
  if (ch === "\u200B") return ZWSP_SCRIPTS.test(before) || ZWSP_SCRIPTS.test(after);
  return false;
}

/** Zero-width and bidi control characters that do not belong, each widened to the word it hides in. */
export function invisibleSpans(text: string): InvisibleSpan[] {
  if (!ANY_INVISIBLE.test(text)) return [];
  const flagged = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (ANY_INVISIBLE.test(text[i]) && !isLegitimate(text, i)) flagged.add(i);
  }
  const inWord = (i: number) => flagged.has(i) || WORD_CHAR.test(text[i]);
  const spans: InvisibleSpan[] = [];
  for (const i of [...flagged].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && i < last.end) continue;
    let start = i;
    let end = i + 1;
    while (start > 0 && inWord(start - 1)) start--;
    while (end < text.length && inWord(end)) end++;
    let without = "";
    const kinds = new Set<"zero-width" | "bidi">();
    for (let j = start; j < end; j++) {
      if (!flagged.has(j)) without += text[j];
      else kinds.add(BIDI.test(text[j]) ? "bidi" : ZERO_WIDTH.test(text[j]) ? "zero-width" : "bidi");
    }
    spans.push({ start, end, without, kinds });
  }
  return spans;
}
