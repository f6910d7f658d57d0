import { execNotAfter } from "./text-regex";
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

/**
 * An alternation of words factored by shared prefixes: ["der", "den", "die"] → "d(?:e(?:r|n)|ie)". V8 tries the
 * alternatives of a plain list one by one at every position of the text; a factored one rejects most positions
 * at one letter. The matches are the same: whichever word matches, the rest of the regex runs to the end of the token.
 */
function prefixTree(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const rests = byFirst.get(word[0]);
    if (rests) rests.push(word.slice(1));
    else byFirst.set(word[0], [word.slice(1)]);
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    if (rests.length === 1) {
      parts.push(first + rests[0]);
      continue;
    }
    const longer = rests.filter((rest) => rest !== "");
    parts.push(`${first}(?:${prefixTree(longer)})${longer.length < rests.length ? "?" : ""}`);
  }
  return parts.join("|");
}

// Per language: an all-lower-case token (a whole run of letters, marks and digits of any script) that opens
// with one of its function words and has at least two more letters. A regex finds these far faster than a
// scan of every character in JavaScript; that no letter, mark or digit comes before is tested per match.
const JOINS = new Map(Object.entries(LEADING).map(([lang, list]) => [lang, new RegExp(`(?:${prefixTree(list)})\\p{Ll}{2,}(?![\\p{L}\\p{M}\\p{N}])`, "gu")]));
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Lower-case tokens that open with a function word of the language ("ofthe", "dieneue"): the only ones worth
 * a dictionary look-up. A token is a whole run of letters, marks and digits of any script, all of it
 * lower-case letters, with at least two after the function word.
 */
export function functionWordJoins(text: string, lang: string): Word[] {
  const regex = JOINS.get(primaryLang(lang));
  const out: Word[] = [];
  if (!regex) return out;
  regex.lastIndex = 0;
  for (let match = execNotAfter(regex, text, WORD_CHAR); match; match = execNotAfter(regex, text, WORD_CHAR)) out.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  // An exact-size copy: the list is kept per text for the whole run, and one grown by push keeps room for 16 or more.
  return out.length === 0 ? out : out.slice();
}
