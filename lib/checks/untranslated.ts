import { franc } from "franc-min";
import { isLanguageSwitcher } from "../text/classify";
import { baseLang, foreignScriptTest, isCjkLang, nativeScripts, segmentsByPosition, type Script } from "./lang-scripts";
import { FUNCTION_WORDS, MARKER_WORDS } from "./lang-stopwords";
import { placeFindings } from "./lang-text-memo";
import { slotMemo, textRecords, textSlot } from "./text-records";
import type { Check, CheckInput, CheckSegment, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

const CATEGORY = "Accuracy/Untranslated text";

const SCRIPT_RUNS: [Script, RegExp, string][] = [
  ["Han", /\p{Script=Han}+(?:[\s·・]*\p{Script=Han}+)*/gu, "Chinese characters"],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu, "Japanese kana"],
  ["Hangul", /\p{Script=Hangul}+(?:\s+\p{Script=Hangul}+)*/gu, "Korean"],
  ["Cyrillic", /\p{Script=Cyrillic}+(?:[\s-]+\p{Script=Cyrillic}+)*/gu, "Cyrillic"],
  ["Greek", /\p{Script=Greek}+(?:\s+\p{Script=Greek}+)*/gu, "Greek"],
  ["Arabic", /\p{Script=Arabic}+(?:\s+\p{Script=Arabic}+)*/gu, "Arabic"],
  ["Hebrew", /\p{Script=Hebrew}+(?:\s+\p{Script=Hebrew}+)*/gu, "Hebrew"],
];
const WIDE_SCRIPTS = new Set<Script>(["Han", "Kana", "Hangul"]);
const LATIN_LETTER = /\p{Script=Latin}/u;

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const LOWER_WORD = /^\p{Ll}/u;
const LOWER_INITIAL_WORD = /(?<![\p{L}])\p{Ll}\p{L}+/gu;
const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const ISO3: Record<string, string> = { de: "deu", en: "eng", fr: "fra", es: "spa" };
const OPENING_QUOTE_ALL = /[„“"«‚‘‹「『]/gu;
const CLOSING_QUOTES = /[“”"»‘’›」』]/u;

function finding(position: number, start: number, end: number, level: Finding["level"], messageId: FindingMessageId, message: string, params: Finding["params"]): Finding {
  return { checkId: "untranslated", position, start, end, level, message, messageId, params, mqmCategory: CATEGORY };
}

/** Text a translator would have to translate: real words, not only names, numbers or dates. */
function translatable(text: string): boolean {
  return (text.match(LOWER_INITIAL_WORD)?.length ?? 0) >= 2 || (text.match(WIDE_CHAR)?.length ?? 0) >= 2;
}

function identicalToSource(segment: CheckSegment, sourceSegment: CheckSegment | undefined, input: CheckInput): Finding | null {
  if (!sourceSegment || !input.source || baseLang(input.source.lang) === baseLang(input.lang)) return null;
  if (segment.text.length !== sourceSegment.text.length && segment.text.trim() !== sourceSegment.text.trim()) return null;
  const text = segment.text.trim();
  if (text !== sourceSegment.text.trim() || !translatable(text) || isLanguageSwitcher(text)) return null;
  return finding(segment.position, 0, 0, "error", "untranslated.identical", "The segment is identical to the source: not translated", {});
}

function wrongScript(segment: CheckSegment, input: CheckInput, sourceText: string): Finding[] {
  const native = nativeScripts(input.lang);
  const findings: Finding[] = [];
  for (const [script, regex, name] of SCRIPT_RUNS) {
    if (native.has(script)) continue;
    for (const match of segment.text.matchAll(regex)) {
      const run = match[0];
      const start = match.index;
      const end = start + run.length;
      // A single letter glued to Latin ones is a look-alike (Cyrillic О in "ОpenAI"), another check's business.
      if (LATIN_LETTER.test(segment.text[start - 1] ?? "") || LATIN_LETTER.test(segment.text[end] ?? "")) continue;
      const letters = [...run.replace(/\s/g, "")].length;
      if (letters < 2) continue;
      const inSource = sourceText.includes(run);
      const level = WIDE_SCRIPTS.has(script) || inSource ? "error" : "warning";
      findings.push(finding(segment.position, start, end, level, inSource ? "untranslated.scriptCopied" : "untranslated.script", `${name} in a ${input.lang} text: “${run}”${inSource ? " (copied from the source)" : ""}`, { script, text: run }));
    }
  }
  return findings;
}

interface Word {
  text: string;
  start: number;
  end: number;
  /** Separated from the previous word by spaces only. */
  joined: boolean;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const between = previousEnd < 0 ? "" : text.slice(previousEnd, start);
    out.push({ text: match[0], start, end: start + match[0].length, joined: previousEnd >= 0 && /^[ \u00a0]+$/u.test(between) });
    previousEnd = start + match[0].length;
  }
  return out;
}

function insideQuotes(text: string, start: number, end: number): boolean {
  let lastOpen = -1;
  for (const match of text.slice(0, start).matchAll(OPENING_QUOTE_ALL)) lastOpen = match.index;
  return lastOpen >= 0 && CLOSING_QUOTES.test(text.slice(end)) && !CLOSING_QUOTES.test(text.slice(lastOpen + 1, start));
}

interface Evidence {
  langsOf: Map<string, string[]>;
  /** tokenHash of every evidence word: a token whose hash is not here is no evidence word, and is never sliced out. */
  hashes: Set<number>;
  /** The low 16 bits of every hash in `hashes`, as a table: nearly every token is ruled out by one array read. */
  lowBits: Uint8Array;
  /** ends(length, first, last code unit) of every evidence word, as a table: most tokens are ruled out by their two ends, unhashed. */
  endBits: Uint8Array;
  /** Shortest and longest evidence word, so that other tokens are skipped without a lookup. */
  minLength: number;
  maxLength: number;
}

const evidenceWords = new Map<string, Evidence>();

/** For a language: the marker words of the other languages that it does not share, with those languages. */
function evidenceFor(lang: string): Evidence {
  let evidence = evidenceWords.get(lang);
  if (!evidence) {
    const langsOf = new Map<string, string[]>();
    for (const [other, markers] of Object.entries(MARKER_WORDS)) {
      if (other === lang) continue;
      for (const word of markers) {
        if (MARKER_WORDS[lang]?.has(word) || FUNCTION_WORDS[lang]?.has(word)) continue;
        langsOf.set(word, [...(langsOf.get(word) ?? []), other]);
      }
    }
    const lengths = [...langsOf.keys()].map((word) => word.length);
    const hashes = new Set([...langsOf.keys()].map((word) => tokenHash(word, 0, word.length)));
    const lowBits = new Uint8Array(0x10000);
    for (const hash of hashes) lowBits[hash & 0xffff] = 1;
    const endBits = new Uint8Array(0x10000);
    for (const word of langsOf.keys()) endBits[ends(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1))] = 1;
    evidence = { langsOf, hashes, lowBits, endBits, minLength: Math.min(...lengths), maxLength: Math.max(...lengths) };
    evidenceWords.set(lang, evidence);
  }
  return evidence;
}

const TRAILING_MARKS = new Set([",", ".", ";", ":", "!", "?", "»", "”", "“", '"', ")"]);
const TRAILING_CODES = new Set([...TRAILING_MARKS].map((mark) => mark.charCodeAt(0)));

const HASH_START = 0x811c9dc5;
const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 16777619);

/** A word's length and its first and last code units, mixed into 16 bits. */
const ends = (length: number, first: number, last: number) => (Math.imul(first, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b) ^ Math.imul(length, 0x27d4eb2f)) >>> 16;

/** FNV-1a over text[start, end), by code unit. */
function tokenHash(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

// Tokens between spaces, looked up only when their length fits, are far cheaper than a word regex; most segments stop here.
// Two marker words of one language within three tokens are needed.
function mayHoldForeignRun(text: string, lang: string): boolean {
  const { langsOf, hashes, lowBits, endBits, minLength, maxLength } = evidenceFor(lang);
  const isEvidence = (hash: number) => lowBits[hash & 0xffff] === 1 && hashes.has(hash);
  let lastSeen: Map<string, number> | undefined;
  let start = 0;
  for (let i = 0; start <= text.length; i++) {
    let end = text.indexOf(" ", start);
    if (end < 0) end = text.length;
    const length = end - start;
    const tokenStart = start;
    start = end + 1;
    if (length < minLength || length > maxLength + 1) continue;
    // Neither the token nor the token less its last code unit (a trailing mark) ends like an evidence word: skip it unhashed.
    const first = text.charCodeAt(tokenStart);
    if (endBits[ends(length, first, text.charCodeAt(end - 1))] === 0 && (length < 2 || endBits[ends(length - 1, first, text.charCodeAt(end - 2))] === 0)) continue;
    // The token, or the token less a trailing mark, looked up only where its hash is an evidence word's.
    const stem = tokenHash(text, tokenStart, end - 1);
    const last = text.charCodeAt(end - 1);
    let langs = isEvidence(hashStep(stem, last)) ? langsOf.get(text.slice(tokenStart, end)) : undefined;
    if (!langs && TRAILING_CODES.has(last) && isEvidence(stem)) langs = langsOf.get(text.slice(tokenStart, end - 1));
    if (!langs) continue;
    lastSeen ??= new Map();
    for (const other of langs) {
      const seen = lastSeen.get(other);
      if (seen !== undefined && i - seen <= 3) return true;
      lastSeen.set(other, i);
    }
  }
  return false;
}

/** Runs of three or more words in another language: English left in a French sentence. */
function foreignRuns(segment: CheckSegment, input: CheckInput): Finding[] {
  const lang = baseLang(input.lang);
  const own = MARKER_WORDS[lang];
  const ownFunction = FUNCTION_WORDS[lang];
  if (!own || !ownFunction || !mayHoldForeignRun(segment.text, lang)) return [];
  const words = wordsOf(segment.text);
  const findings: Finding[] = [];
  const foreignOf = (word: Word, other: string) => {
    const lower = word.text.toLowerCase();
    return LOWER_WORD.test(word.text) && MARKER_WORDS[other].has(lower) && !own.has(lower) && !ownFunction.has(lower) && !(input.speller?.correct(word.text) ?? false);
  };
  const unknownToOwn = (word: Word) => input.speller !== null && LOWER_WORD.test(word.text) && !own.has(word.text.toLowerCase()) && !input.speller.correct(word.text);
  for (const other of Object.keys(MARKER_WORDS)) {
    if (other === lang) continue;
    let i = 0;
    while (i < words.length) {
      if (!foreignOf(words[i], other)) {
        i++;
        continue;
      }
      // Grow the run over lower-case words that are not this language's function words.
      let first = i;
      let last = i;
      let evidence = 1;
      let j = i + 1;
      while (j < words.length && words[j].joined && LOWER_WORD.test(words[j].text) && !own.has(words[j].text.toLowerCase()) && !ownFunction.has(words[j].text.toLowerCase())) {
        if (foreignOf(words[j], other)) {
          evidence++;
          last = j;
        } else if (unknownToOwn(words[j])) {
          evidence++;
          last = j;
        }
        j++;
      }
      while (first > 0 && words[first].joined && unknownToOwn(words[first - 1])) {
        first--;
        evidence++;
      }
      i = j;
      const count = last - first + 1;
      if (count < 3 || evidence < 2) continue;
      const start = words[first].start;
      const end = words[last].end;
      const run = segment.text.slice(start, end);
      const guess = franc(run, { minLength: 3, only: [ISO3[lang], ISO3[other]] });
      if (guess !== ISO3[other]) continue;
      const level = evidence >= 3 && !insideQuotes(segment.text, start, end) ? "error" : "warning";
      findings.push(finding(segment.position, start, end, level, "untranslated.language", `Words in ${other} inside a ${lang} text: “${run}”`, { language: other, text: run }));
    }
  }
  return findings;
}

// Per text: its findings, per languages, speller and source text.
const FOUND = textSlot();

/**
 * Text left untranslated: a segment identical to the source, a run of words
 * in another language (found by function words, the speller when there is
 * one, and franc to confirm), and letters of a script the language does not
 * use (Chinese characters in a German text). Names in Latin letters are fine
 * everywhere; site lines such as the language switcher are skipped.
 */
export const untranslatedCheck: Check = {
  id: "untranslated",
  run(input) {
    const { version, source } = input;
    if (version.isSource) return [];
    const bySource = source ? segmentsByPosition(source, input.shared) : new Map<number, CheckSegment>();
    const foreignTest = foreignScriptTest(input.lang);
    const findings: Finding[] = [];
    const cjk = isCjkLang(input.lang);
    // Findings follow from the text and the source's text; the speller is fixed per language within an article.
    const records = textRecords(input.shared, version);
    for (let i = 0; i < version.segments.length; i++) {
      const segment = version.segments[i];
      if (segment.kind === "meta" || !inScope(input, segment.position)) continue;
      const sourceSegment = bySource.get(segment.position);
      const found = slotMemo(records[i], FOUND, [source?.lang ?? "", input.lang, input.speller, sourceSegment?.text ?? ""], () => {
        const identical = identicalToSource(segment, sourceSegment, input);
        if (identical) return [identical];
        const inText: Finding[] = [];
        if (foreignTest.test(segment.text) && !isLanguageSwitcher(segment.text)) inText.push(...wrongScript(segment, input, sourceSegment?.text ?? ""));
        if (!cjk) inText.push(...foreignRuns(segment, input));
        return inText;
      });
      placeFindings(found, segment.position, findings);
    }
    return findings;
  },
};
