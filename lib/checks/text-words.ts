import type { CheckInput, CheckVersion } from "./types";

/** One word of a segment, with its UTF-16 offsets into the segment text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// Scripts written without spaces: words are not delimited, so a term may sit inside a longer run.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;
// A run of letters, marks and digits from spaced scripts; unspaced scripts break it.
const WORD_RE = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC])[\p{L}\p{M}\p{N}])+/gu;
const LATIN_WORD_RE = /[\p{Script=Latin}0-9]+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

export function isUnspaced(ch: string): boolean {
  return UNSPACED.test(ch);
}

/** A letter, mark or digit of a spaced script: the characters a word boundary must not cut. */
export function isWordChar(ch: string): boolean {
  return /[\p{L}\p{M}\p{N}]/u.test(ch) && !UNSPACED.test(ch);
}

/** Words of spaced scripts (Latin, Cyrillic, Greek…), mixed scripts kept together; hyphens and apostrophes split. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Runs of Latin letters and digits: the words a name check compares across languages. */
export function latinWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(LATIN_WORD_RE)) {
    if (LATIN_LETTER.test(m[0])) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function startsUpper(word: string): boolean {
  return UPPER_START.test(word);
}

/** The primary language subtag, lower-cased: "de-CH" → "de". */
export function primaryLang(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** Memoise per article: `shared` lives as long as one run over all versions of an article. */
export function memo<T>(shared: Map<string, unknown>, key: string, build: () => T): T {
  if (shared.has(key)) return shared.get(key) as T;
  const value = build();
  shared.set(key, value);
  return value;
}

/** Whether most letters of a version are Latin (sampled from its first segments). */
export function isLatinVersion(version: CheckVersion): boolean {
  let latin = 0;
  let letters = 0;
  for (const segment of version.segments) {
    for (const ch of segment.text) {
      if (!LETTER.test(ch)) continue;
      letters++;
      if (LATIN_LETTER.test(ch)) latin++;
    }
    if (letters > 2000) break;
  }
  return letters > 0 && latin * 2 > letters;
}

/** Every version of the article the check sees: this one, the others and the source. */
export function allVersions(input: CheckInput): CheckVersion[] {
  const all = [input.version, ...input.others];
  if (input.source && !all.some((v) => v.id === input.source!.id)) all.push(input.source);
  return all;
}

/** Levenshtein distance, stopping early once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** l, I, 1 and | read alike, as do O and 0: two spellings with the same key are look-alikes. */
export function lookalikeKey(word: string): string {
  return word.replace(/[lI1|]/g, "I").replace(/[O0]/g, "O");
}

/** A version's words per position, tokenised once per article. */
export function versionWords(shared: Map<string, unknown>, version: CheckVersion): Map<number, Word[]> {
  return memo(shared, `text-words:words:${version.id}`, () => new Map(version.segments.map((s) => [s.position, words(s.text)])));
}

/** Every word form a version uses anywhere. */
export function versionVocabulary(shared: Map<string, unknown>, version: CheckVersion): Set<string> {
  return memo(shared, `text-words:vocabulary:${version.id}`, () => {
    const out = new Set<string>();
    for (const found of versionWords(shared, version).values()) for (const w of found) out.add(w.text);
    return out;
  });
}
