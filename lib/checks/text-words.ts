import { capitalWords, words, type CapitalWord, type Word } from "./text-chars";
import type { CheckInput, CheckVersion } from "./types";

export { capitalWords, isLatinVersion, isUnspaced, isWordChar, latinWords, looksCamel, mixesScripts, words } from "./text-chars";
export type { CapitalWord, Word } from "./text-chars";

const UPPER_START = /^\p{Lu}/u;

export function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
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
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}

/** l, I, 1 and | read alike, as do O and 0: two spellings with the same key are look-alikes. */
export function lookalikeKey(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === "l" || ch === "1" || ch === "|" || ch === "0") return word.replace(/[lI1|]/g, "I").replace(/[O0]/g, "O");
  }
  return word;
}

/** A version's words per position, tokenised once per article. */
export function versionWords(shared: Map<string, unknown>, version: CheckVersion): Map<number, Word[]> {
  return memo(shared, `text-words:words:${version.id}`, () => new Map(version.segments.map((s) => [s.position, words(s.text)])));
}

/** A version's capitalised words per position, found once per article. */
export function versionCapitalWords(shared: Map<string, unknown>, version: CheckVersion): Map<number, CapitalWord[]> {
  return memo(shared, `text-words:capital:${version.id}`, () => new Map(version.segments.map((s) => [s.position, capitalWords(s.text)])));
}

/** Every capitalised word form a version uses anywhere (names, brands, German nouns). */
export function capitalVocabulary(shared: Map<string, unknown>, version: CheckVersion): Set<string> {
  return memo(shared, `text-words:capital-vocabulary:${version.id}`, () => {
    const out = new Set<string>();
    for (const found of versionCapitalWords(shared, version).values()) for (const w of found) out.add(w.text);
    return out;
  });
}

/** The text of a version's segment at a position, or undefined where the version lacks it. */
export function segmentTextAt(shared: Map<string, unknown>, version: CheckVersion, position: number): string | undefined {
  return memo(shared, `text-words:segments:${version.id}`, () => new Map(version.segments.map((s) => [s.position, s.text]))).get(position);
}
