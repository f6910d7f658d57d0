import { primaryLang, type Word } from "./text-words";

// Closed-class words that machine translation glues to a neighbour ("ofthe", "undder", "dela").
// Prefix-like words (in, an, auf, mit, en, con…) are left out: they start countless real compounds.
const LEADING: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "with", "that", "this", "from", "is", "are", "was", "were"],
  de: ["der", "die", "das", "dem", "den", "des", "und", "oder", "aber", "ist", "sind", "nicht", "dass", "wie", "sich", "eine", "einen", "einem", "einer", "eines", "auch", "noch", "wird", "wurde"],
  fr: ["le", "la", "les", "de", "des", "du", "et", "que", "qui", "une", "dans", "pour", "avec", "sur", "par", "est"],
  es: ["el", "la", "los", "las", "de", "del", "que", "por", "para", "una", "es"],
};

const TRAILING: Record<string, string[]> = {
  en: ["the", "and", "of"],
  de: ["der", "die", "das", "und"],
  fr: ["de", "la", "le", "les", "et"],
  es: ["de", "la", "el", "los", "las", "que"],
};

const sets = (table: Record<string, string[]>) => new Map(Object.entries(table).map(([lang, list]) => [lang, new Set(list)]));
const LEADING_SETS = sets(LEADING);
const TRAILING_SETS = sets(TRAILING);
const EMPTY = new Set<string>();

/** Function words of a language that may open a glued token. */
export function leadingFunctionWords(lang: string): Set<string> {
  return LEADING_SETS.get(primaryLang(lang)) ?? EMPTY;
}

/** Function words of a language that may close a glued token. */
export function trailingFunctionWords(lang: string): Set<string> {
  return TRAILING_SETS.get(primaryLang(lang)) ?? EMPTY;
}

/** Whether a word (any case) is a function word of the language. */
export function isFunctionWord(word: string, lang: string): boolean {
  const lower = word.toLowerCase();
  return leadingFunctionWords(lang).has(lower) || trailingFunctionWords(lang).has(lower);
}

const EDGE = 1; // a letter, mark or digit of any script: what a join may not be cut from
const LOWER = 2; // \p{Ll}
const KNOWN = 4;
const bmpFlags = new Uint8Array(0x10000);
const astralFlags = new Map<number, number>();

function classify(ch: string): number {
  return KNOWN | (/[\p{L}\p{M}\p{N}]/u.test(ch) ? EDGE : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
}

function flagsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      let flags = astralFlags.get(cp);
      if (flags === undefined) astralFlags.set(cp, (flags = classify(String.fromCodePoint(cp))));
      return flags;
    }
  }
  let flags = bmpFlags[code];
  if (flags === 0) bmpFlags[code] = flags = classify(String.fromCharCode(code));
  return flags;
}

const ASCII_FLAGS = Uint8Array.from({ length: 128 }, (_, code) => flagsAt(String.fromCharCode(code), 0));

/** Per language, the leading function words by their first letter's code (all are ASCII). */
const BY_FIRST_LETTER = new Map(
  Object.entries(LEADING).map(([lang, list]) => {
    const byFirst: (string[] | undefined)[] = new Array(128);
    for (const word of list) (byFirst[word.charCodeAt(0)] ??= []).push(word);
    return [lang, byFirst];
  }),
);

/**
 * Lower-case tokens that open with a function word of the language ("ofthe", "dieneue"): the only ones worth
 * a dictionary look-up. A token is a whole run of letters, marks and digits of any script, all of it
 * lower-case letters, with at least two after the function word.
 */
export function functionWordJoins(text: string, lang: string): Word[] {
  const byFirst = BY_FIRST_LETTER.get(primaryLang(lang));
  const out: Word[] = [];
  if (!byFirst) return out;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!((code < 128 ? ASCII_FLAGS[code] : flagsAt(text, i)) & EDGE)) {
      i++;
      continue;
    }
    const start = i;
    let lower = true;
    let astral = false;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        const flags = ASCII_FLAGS[code];
        if (!(flags & EDGE)) break;
        if (!(flags & LOWER)) lower = false;
        i++;
        continue;
      }
      const flags = flagsAt(text, i);
      if (!(flags & EDGE)) break;
      if (!(flags & LOWER)) lower = false;
      const size = code >= 0xd800 && code <= 0xdbff && (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      if (size === 2) astral = true;
      i += size;
    }
    if (!lower) continue;
    const candidates = byFirst[text.charCodeAt(start)];
    if (!candidates) continue;
    for (const word of candidates) {
      if (!text.startsWith(word, start)) continue;
      const rest = astral ? [...text.slice(start + word.length, i)].length : i - start - word.length;
      if (rest < 2) continue;
      out.push({ text: text.slice(start, i), start, end: i });
      break;
    }
  }
  return out;
}
