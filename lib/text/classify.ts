import type { SegmentKind } from "./segment-kinds";

// Endonyms that a site's language switcher prints; three or more glued together
// in one block are navigation residue, not article text.
const LANGUAGE_NAMES = [
  "English", "Deutsch", "Français", "Español", "español", "Italiano", "Português",
  "Português", "Русский", "日本語", "中文", "한국어", "한어", "Ελληνικά", "Indonesian",
  "Sanskrit", "Suomalainen", "Latina", "Nederlands", "Polski", "Türkçe", "العربية",
  "עברית", "हिन्दी", "Tiếng Việt", "ไทย", "Svenska", "Dansk", "Norsk", "Čeština",
];

const DATE_LINE = /^\s*(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}年\d{1,2}月\d{1,2}日)(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/;
// Sentence-final punctuation, in Latin, CJK and other scripts.
const SENTENCE_END = /[.!?;:…。！？；：؟।]$/u;
// Closing quotes and brackets that may follow the final punctuation.
const TRAILING_CLOSERS = /[\s"'“”„‟‘’‚»«›‹」』）)\]】〕>]+$/u;

const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });

/** Words as Intl.Segmenter sees them, so that CJK text without spaces counts right. */
export function wordCount(text: string): number {
  let count = 0;
  for (const part of WORDS.segment(text)) if (part.isWordLike) count += 1;
  return count;
}

export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text);
}

export function isLanguageSwitcher(text: string): boolean {
  let found = 0;
  for (const name of new Set(LANGUAGE_NAMES)) if (text.includes(name)) found += 1;
  return found >= 3;
}

/** Ends like a sentence, ignoring closing quotes and brackets after the punctuation. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(TRAILING_CLOSERS, ""));
}

/** Short, single-line and without final punctuation: how news sites set section headings. */
export function looksLikeHeading(text: string): boolean {
  if (text.includes("\n")) return false;
  if (text.length > 120) return false;
  return !endsLikeSentence(text);
}

/** One line of reasonable length; news titles may end in a full stop. */
export function looksLikeTitle(text: string): boolean {
  return !text.includes("\n") && text.length <= 200;
}

/** Site chrome around the article: section labels, dates, language switchers. */
export function looksLikeMeta(text: string, index: number): boolean {
  if (isDateLine(text) || isLanguageSwitcher(text)) return true;
  // A lone word above the title is the site section ("Nachricht", "News", "新闻").
  return index === 0 && text.length <= 30 && wordCount(text) === 1;
}

/**
 * Kinds for plain-text blocks: leading site lines are meta, the first real
 * line is the title, then headings and paragraphs.
 */
export function classifyBlocks(blocks: string[]): SegmentKind[] {
  const kinds: SegmentKind[] = [];
  let titleSeen = false;
  let bodyStarted = false;
  blocks.forEach((block, index) => {
    if (!bodyStarted && looksLikeMeta(block, index)) {
      kinds.push("meta");
    } else if (!titleSeen && !bodyStarted && looksLikeTitle(block)) {
      titleSeen = true;
      kinds.push("title");
    } else {
      bodyStarted = true;
      kinds.push(looksLikeHeading(block) ? "heading" : "paragraph");
    }
  });
  return kinds;
}
