import { baseLang } from "./lang-scripts";
import { FUNCTION_WORDS } from "./lang-stopwords";
import { placeFindings } from "./lang-text-memo";
import { slotMemo, textRecords, textSlot } from "./text-records";
import { execNotAfter } from "./text-regex";
import type { Check, Finding } from "./types";
import { inScope } from "./types";

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const ARTICLES_DE = new Set(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"]);
const WORD_BEFORE = /(\p{L}+)([ \u00a0]*)$/u;
// German function words that are nouns too when capitalised: "auf geraden Wegen", "aus reinem Trotz", "das Aus".
const NOUN_HOMOGRAPHS_DE = new Set(["wegen", "trotz", "aus"]);
// An article or an inflected adjective, which a noun follows.
const BEFORE_NOUN_DE = /^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|\p{Ll}+(?:en|em|er|es))$/u;
const WORDS_AFTER = /^[ \u00a0]+(\p{L}+)(?:[ \u00a0]+(\p{L}+))?/u;
/** How much text around a candidate its context needs. */
const WINDOW = 60;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

type Context = "comma" | "clause" | "boundary";

const TRAILING_SPACE = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0;
const CLOSER = /[“”"»«‘’‹›)\]」』）]/u;
const SPACE = /\s/u;
const SENTENCE_END = /[.!?…:]/u;
// What may come right before a capitalised word without it being odd: sentence ends, colons, opening quotes and brackets, dashes.
const BOUNDARY_MARK = /[.!?…:\n(\[{„“"«»‚‘‹›「『（—–-]/u;
const LETTER_OR_NUMBER_END = /[\p{L}\p{N}]$/u;

/**
 * What comes right before a candidate, read from the end of `before` one code unit at a time: anchored regexes
 * (/…+$/) would try every position of the 60-character window. Every mark tested here is one code unit.
 */
function contextBefore(before: string, fromTextStart: boolean): Context {
  let end = before.length;
  while (end > 0 && TRAILING_SPACE(before.charCodeAt(end - 1))) end--;
  if (end === 0) return "boundary";
  let bare = end;
  while (bare > 0 && CLOSER.test(before[bare - 1])) bare--;
  if (bare !== end) {
    // A mark with a space before it opened a quotation rather than closing one.
    if (bare === 0 || SPACE.test(before[bare - 1])) return "boundary";
    // After a closing quote: a sentence end inside it, or a quoted name followed by the clause.
    if (SENTENCE_END.test(before[bare - 1])) return "boundary";
    return bare === end - 1 && asideStandsAlone(before, bare, fromTextStart) ? "boundary" : "clause";
  }
  const last = before[end - 1];
  if (last === "," || last === ";") return "comma";
  if (BOUNDARY_MARK.test(last)) return "boundary";
  // The last code point, which may be a surrogate pair.
  return LETTER_OR_NUMBER_END.test(before.slice(Math.max(0, end - 2), end)) ? "clause" : "boundary";
}

const OPENER_OF: Record<string, string> = { ")": "(", "]": "[", "）": "（" };

/**
 * Whether the bracket closing at `close` ends an aside that stands where a sentence could start,
 * such as a transcript's "(Gelächter) Und dann…" or "(Lachen) (Applaus) Ich…": what follows it
 * starts a sentence too. An aside inside a clause ("sagte (leise) Und") does not.
 */
function asideStandsAlone(before: string, close: number, fromTextStart: boolean): boolean {
  const opener = OPENER_OF[before[close]];
  if (!opener) return false;
  const open = before.lastIndexOf(opener, close - 1);
  if (open < 0) return false;
  // Cut off by the window: what came before the aside is unknown.
  if (open === 0 && !fromTextStart) return false;
  return contextBefore(before.slice(0, open), fromTextStart) === "boundary";
}

// One regex per language that finds only capitalised function words, so that ordinary words cost nothing;
// that no letter or mark comes before is tested per match (see execNotAfter).
const candidates = new Map<string, RegExp>();
function candidateRegex(lang: string, list: Set<string>): RegExp {
  let regex = candidates.get(lang);
  if (!regex) {
    const capitalised = [...list].filter((word) => word.length > 1).map((word) => word[0].toUpperCase() + word.slice(1));
    regex = new RegExp(`(?:${capitalised.join("|")})(?![\\p{L}\\p{M}])`, "gu");
    candidates.set(lang, regex);
  }
  return regex;
}

function levelFor(word: string, before: string, fromTextStart: boolean, after: string, lang: string, list: Set<string>): Finding["level"] | null {
  const context = contextBefore(before, fromTextStart);
  if (context === "boundary") return null;
  const following = after.match(WORDS_AFTER);
  const next = following?.[1];
  const nextCapitalised = next !== undefined && STARTS_UPPER.test(next);
  if (context === "comma") {
    if (!nextCapitalised) return "error";
    if (lang === "de") return ARTICLES_DE.has(word.toLowerCase()) ? "warning" : "error";
    return null;
  }
  const previous = before.match(WORD_BEFORE);
  if (previous && previous[2] !== "" && CAPITALISED.test(previous[1]) && list.has(previous[1].toLowerCase())) return "error";
  if (lang === "de" && previous && NOUN_HOMOGRAPHS_DE.has(word.toLowerCase()) && BEFORE_NOUN_DE.test(previous[1])) return null;
  if (nextCapitalised) return null;
  if (lang === "de") return "error";
  // "De la Fuente", "Van der Berg": a capitalised particle, a short lower-case one, then the name.
  const particleName = next !== undefined && next.length <= 3 && following?.[2] !== undefined && STARTS_UPPER.test(following[2]);
  return particleName ? null : "warning";
}

function findingsIn(text: string, regex: RegExp, lang: string, list: Set<string>): Finding[] {
  const findings: Finding[] = [];
  regex.lastIndex = 0;
  for (let match = execNotAfter(regex, text, LETTER_OR_MARK); match; match = execNotAfter(regex, text, LETTER_OR_MARK)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const before = text.slice(Math.max(0, start - WINDOW), start);
    const fromTextStart = start <= WINDOW;
    const level = levelFor(word, start < WINDOW ? before : before.slice(before.search(/\s/u) + 1), fromTextStart, text.slice(end, end + WINDOW), lang, list);
    if (!level) continue;
    const context = contextBefore(before, fromTextStart) === "comma" ? "comma" : "clause";
    findings.push({
      checkId: "broken-sentence",
      position: 0,
      start,
      end,
      level,
      messageId: context === "comma" ? "broken-sentence.afterComma" : "broken-sentence.insideClause",
      message: `Capitalised “${word}” ${context === "comma" ? "after a comma" : "inside a clause"}: a sentence broken apart?`,
      params: { word, context },
      suggestion: word.toLowerCase(),
      mqmCategory: "Fluency/Grammar",
    });
  }
  return findings;
}

/**
 * A capitalised function word after a comma or inside a clause: the sign of a
 * sentence broken apart by machine translation ("von OpenAI, Auch Andrej
 * Karpathy", "zweitens GPT5 Bei der Entwicklung"). Only function words count,
 * since German capitalises nouns; a following capitalised word means a name
 * or title ("Die Zeit"), which is left alone except in clear German cases.
 */
// Per text and language: the findings.
const FOUND = textSlot();

export const brokenSentenceCheck: Check = {
  id: "broken-sentence",
  run(input) {
    const { version } = input;
    const lang = baseLang(input.lang);
    const list = FUNCTION_WORDS[lang];
    if (!list || version.isSource) return [];
    const regex = candidateRegex(lang, list);
    const records = textRecords(input.shared, version);
    const keys = [lang];
    const find = (text: string) => findingsIn(text, regex, lang, list);
    const findings: Finding[] = [];
    version.segments.forEach((segment, i) => {
      if (segment.kind === "meta" || (lang === "en" && segment.kind !== "paragraph") || !inScope(input, segment.position)) return;
      placeFindings(slotMemo(records[i], FOUND, keys, find), segment.position, findings);
    });
    return findings;
  },
};
