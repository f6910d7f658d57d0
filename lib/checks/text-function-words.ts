import { primaryLang } from "./text-words";

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
