import { capitalWords, type CapitalWord } from "./text-chars";
import { slotValue, textRecords, textSlot, type TextRecord } from "./text-records";
import type { CheckInput, CheckVersion } from "./types";

export { capitalWords, hasWord, isLatinVersion, isUnspaced, isWordChar, latinWords, looksCamel, mixedScriptWords, mixesScripts, words } from "./text-chars";
export type { CapitalWord, Word } from "./text-chars";

const UPPER_START = /^\p{Lu}/u;

export function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_START.test(word);
}

const primaryLangs = new Map<string, string>();

/** The primary language subtag, lower-cased: "de-CH" → "de". Remembered per tag: the checks ask per segment. */
export function primaryLang(lang: string): string {
  let primary = primaryLangs.get(lang);
  if (primary === undefined) {
    primary = lang.toLowerCase().split(/[-_]/)[0] ?? "";
    if (primaryLangs.size < 1000) primaryLangs.set(lang, primary);
  }
  return primary;
}

/** Memoise per article: `shared` lives as long as one run over all versions of an article. */
export function memo<T>(shared: Map<string, unknown>, key: string, build: () => T): T {
  if (shared.has(key)) return shared.get(key) as T;
  const value = build();
  shared.set(key, value);
  return value;
}

/**
 * An article-wide map in `shared`, made on first ask: memo() without a closure per call, for callers
 * that ask per position or per word (a closure allocated per ask added up to megabytes a run).
 */
export function sharedMap<K, V>(shared: Map<string, unknown>, key: string): Map<K, V> {
  let map = shared.get(key) as Map<K, V> | undefined;
  if (map === undefined) shared.set(key, (map = new Map<K, V>()));
  return map;
}

/** Every version of the article the check sees: this one, the others and the source. */
export function allVersions(input: CheckInput): CheckVersion[] {
  const all = [input.version, ...input.others];
  if (input.source && !all.some((v) => v.id === input.source!.id)) all.push(input.source);
  return all;
}

// Rows reused by every call: editDistance runs for many pairs of short words per position.
let prevRow = new Int32Array(64);
let nextRow = new Int32Array(64);

/** Levenshtein distance, stopping early once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (prevRow.length <= b.length) {
    prevRow = new Int32Array(b.length + 1);
    nextRow = new Int32Array(b.length + 1);
  }
  let prev = prevRow;
  let row = nextRow;
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

// Keys of the forms that need rewriting, worked out once per form: the same names recur in every
// version and at many positions, and building a key allocates a string per code unit.
const rewrittenKeys = new Map<string, string>();

/** l, I, 1 and | read alike, as do O and 0: two spellings with the same key are look-alikes. */
export function lookalikeKey(word: string): string {
  let i = 0;
  for (; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 108 || code === 49 || code === 124 || code === 48) break; // l 1 | 0
  }
  if (i === word.length) return word;
  let key = rewrittenKeys.get(word);
  if (key === undefined) {
    key = rewrittenKey(word, i);
    if (rewrittenKeys.size >= 4096) rewrittenKeys.clear();
    rewrittenKeys.set(word, key);
  }
  return key;
}

/** The key of a word whose first l, 1, | or 0 is at `i`. */
function rewrittenKey(word: string, i: number): string {
  // Rewritten from the first swap on; the prefix holds no l, 1, | or 0 but may hold I or O, which stay.
  let out = word.slice(0, i);
  for (; i < word.length; i++) {
    const code = word.charCodeAt(i);
    out += code === 108 || code === 49 || code === 124 ? "I" : code === 48 ? "O" : word[i];
  }
  return out;
}

const keyCode = (code: number) => (code === 108 || code === 49 || code === 124 ? 73 : code === 48 ? 79 : code);

/** lookalikeKey(a) === lookalikeKey(b), without building either key. */
export function sameLookalikeKey(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (keyCode(a.charCodeAt(i)) !== keyCode(b.charCodeAt(i))) return false;
  return true;
}

const CAPITAL = textSlot();

/** capitalWords() of a text, worked out once per article and distinct text. */
export function capitalWordsOf(record: TextRecord): CapitalWord[] {
  return slotValue(record, CAPITAL, capitalWords);
}

/** A version's capitalised words per position, found once per distinct text. */
export function versionCapitalWords(shared: Map<string, unknown>, version: CheckVersion): Map<number, CapitalWord[]> {
  return memo(shared, `text-words:capital:${version.id}`, () => {
    const records = textRecords(shared, version);
    const out = new Map<number, CapitalWord[]>();
    version.segments.forEach((s, i) => out.set(s.position, capitalWordsOf(records[i])));
    return out;
  });
}

/** Every capitalised word form a version uses anywhere (names, brands, German nouns). */
export function capitalVocabulary(shared: Map<string, unknown>, version: CheckVersion): Set<string> {
  // Keyed by the version itself: the glued check asks per word, and a key built from the id cost more than the answer.
  const byVersion = sharedMap<CheckVersion, Set<string>>(shared, "text-words:capital-vocabulary");
  let out = byVersion.get(version);
  if (!out) {
    out = new Set<string>();
    const seen = new Set<CapitalWord[]>();
    for (const found of versionCapitalWords(shared, version).values()) {
      if (seen.has(found)) continue;
      seen.add(found);
      for (const w of found) out.add(w.text);
    }
    byVersion.set(version, out);
  }
  return out;
}
