import { nameIndex, type NameIndex } from "./names-index";
import { singleScriptForms } from "./text-homoglyphs";
import { invisibleSpans, isRtlLang, type InvisibleSpan } from "./text-invisible";
import { slotValue, textRecords, textSlot } from "./text-records";
import { latinWords, lookalikeKey, mixedScriptWords, sharedMap, type Word } from "./text-words";
import type { Check, CheckInput, CheckSegment, Finding } from "./types";
import { inScope } from "./types";

const CYRILLIC_OR_GREEK = /[\u0370-\u052F]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const ENTITY = "Accuracy/Mistranslation/Entity";
const ENCODING = "Fluency/Character encoding";
/** A word worth keying: it holds I, 1, O or 0, or an l next to capitals (OpenAl); plain lower-case words never are. */
function swappable(word: string): boolean {
  let l = false;
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 73 || code === 49 || code === 79 || code === 48) return true; // I 1 O 0
    if (code === 108) l = true;
    else if (code >= 65 && code <= 90) upper = true;
  }
  return l && upper;
}

/** A word that may hold a swap, with its look-alike key. */
interface Keyed {
  word: Word;
  key: string;
}

/** The words of a segment worth keying; computed once per distinct word list, which is shared per distinct text. */
function keyedWords(shared: Map<string, unknown>, found: Word[]): Keyed[] {
  const cache = sharedMap<Word[], Keyed[]>(shared, "lookalikes:keyed-words");
  let keyed = cache.get(found);
  if (!keyed) {
    keyed = NONE;
    for (const word of found) {
      if (word.text.length < 3 || !swappable(word.text)) continue;
      if (keyed === NONE) keyed = [];
      keyed.push({ word, key: lookalikeKey(word.text) });
    }
    cache.set(found, keyed);
  }
  return keyed;
}

/** Shared by the many word lists with nothing worth keying; never added to. */
const NONE: Keyed[] = [];

/** Latin forms other versions use at a position, by look-alike key, with how many versions use each. */
type KeyedForms = Map<string, Map<string, Set<string>>>;

/** What the versions write at a position, keyed: each version's keyed words (by VersionNames.index) and the forms per key. */
interface KeyedAt {
  lists: Keyed[][];
  /**
   * Null where no key has two spellings at the position: then no word there can be a swap of another
   * version's (only of a glossary term, which needs no map), which is nearly everywhere, so the full map
   * is built only where it matters.
   */
  forms: KeyedForms | null;
}

function keyedFormsAt(index: NameIndex, shared: Map<string, unknown>, position: number): KeyedAt {
  const cache = sharedMap<number, KeyedAt>(shared, "lookalikes:forms");
  let found = cache.get(position);
  if (!found) {
    const lists: Keyed[][] = [];
    for (const v of index.versions.values()) {
      const words = v.words.get(position);
      lists.push(words ? keyedWords(shared, words) : NONE);
    }
    found = { lists, forms: twoSpellings(lists) ? formsOf(index, lists) : null };
    cache.set(position, found);
  }
  return found;
}

function formsOf(index: NameIndex, lists: Keyed[][]): KeyedForms {
  const out: KeyedForms = new Map();
  let i = 0;
  for (const v of index.versions.values()) {
    // Two-letter forms are left out: no word of three letters or more shares their key.
    for (const { word, key } of lists[i++]) {
      let forms = out.get(key);
      if (!forms) out.set(key, (forms = new Map()));
      let ids = forms.get(word.text);
      if (!ids) forms.set(word.text, (ids = new Set()));
      ids.add(v.version.id);
    }
  }
  return out;
}

/** Whether some look-alike key comes in two spellings among these words. */
function twoSpellings(lists: Keyed[][]): boolean {
  const first = new Map<string, string>();
  for (const list of lists) {
    for (const { word, key } of list) {
      const seen = first.get(key);
      if (seen === undefined) first.set(key, word.text);
      else if (seen !== word.text) return true;
    }
  }
  return false;
}

/** The glossary's canonical forms by look-alike key, once per article (asked per segment: no closure per ask). */
function glossaryKeys(input: CheckInput): Map<string, string> {
  let out = input.shared.get("lookalikes:glossary") as Map<string, string> | undefined;
  if (out === undefined) {
    out = new Map<string, string>();
    for (const entry of input.glossary) out.set(lookalikeKey(entry.canonical), entry.canonical);
    input.shared.set("lookalikes:glossary", out);
  }
  return out;
}

/** How many versions other than this one use a form. */
function votesFor(forms: Map<string, Set<string>> | undefined, form: string, me: string): number {
  const ids = forms?.get(form);
  return ids ? ids.size - (ids.has(me) ? 1 : 0) : 0;
}

/** l/I/1 and O/0 swaps in a word that other versions, or the glossary, spell with the other letter. */
function swaps(input: CheckInput, index: NameIndex, segment: CheckSegment): Finding[] {
  const me = input.version.id;
  const names = index.versions.get(me);
  const out: Finding[] = [];
  const canonicals = glossaryKeys(input);
  const at = keyedFormsAt(index, input.shared, segment.position);
  const keyed = at.forms;
  if (!keyed && canonicals.size === 0) return out;
  // This version's own keyed words were worked out with the position's (where the index has them).
  const mine = names?.words.has(segment.position) ? at.lists[names.index] : keyedWords(input.shared, latinWords(segment.text));
  for (const { word, key } of mine) {
    // Without a map every key here has one spelling, this word's own: only a glossary term can differ.
    const forms = keyed?.get(key);
    const canonical = canonicals.get(key);
    // Nearly always the word is the only spelling of its key: nothing to compare.
    if ((!forms || forms.size < 2) && (canonical === undefined || canonical === word.text)) continue;
    let expected: string | null = null;
    let best = votesFor(forms, word.text, me);
    for (const form of forms?.keys() ?? []) {
      const votes = form === word.text ? 0 : votesFor(forms, form, me);
      if (votes > best) {
        expected = form;
        best = votes;
      }
    }
    if (!expected && canonical && canonical !== word.text) expected = canonical;
    if (!expected) continue;
    out.push({
      checkId: "lookalikes",
      position: segment.position,
      start: word.start,
      end: word.end,
      level: "error",
      message: `"${word.text}" mixes up look-alike characters (l/I/1, O/0): "${expected}" is meant`,
      messageId: "lookalikes.confusable",
      params: { found: word.text, expected },
      suggestion: expected,
      mqmCategory: ENTITY,
    });
  }
  return out;
}

/** Words mixing Latin, Cyrillic or Greek letters that look the same. */
function mixedWords(text: string): Word[] {
  if (!CYRILLIC_OR_GREEK.test(text) || !LATIN_LETTER.test(text)) return [];
  return mixedScriptWords(text);
}

function homoglyphs(input: CheckInput, segment: CheckSegment, mixed: Word[]): Finding[] {
  const out: Finding[] = [];
  for (const word of mixed) {
    const forms = singleScriptForms(word.text, input.lang);
    if (forms.length === 0) continue;
    const here = input.others.map((v) => v.segments.find((s) => s.position === segment.position)?.text ?? "");
    if (here.some((text) => text.includes(word.text))) continue;
    const attested = forms.filter((form) => here.some((text) => text.includes(form)));
    const suggestion = forms.length === 1 ? forms[0] : attested.length === 1 ? attested[0] : undefined;
    out.push({
      checkId: "lookalikes",
      position: segment.position,
      start: word.start,
      end: word.end,
      level: suggestion ? "error" : "warning",
      message: suggestion
        ? `"${word.text}" mixes letters of different scripts that look alike; "${suggestion}" is meant`
        : `"${word.text}" mixes letters of different scripts that look alike`,
      messageId: suggestion ? "lookalikes.mixedScriptMeant" : "lookalikes.mixedScript",
      params: suggestion ? { found: word.text, expected: suggestion } : { found: word.text },
      suggestion,
      mqmCategory: ENCODING,
    });
  }
  return out;
}

/** Zero-width and bidi control characters hidden in the text. */
function invisibles(input: CheckInput, segment: CheckSegment, spans: InvisibleSpan[]): Finding[] {
  return spans.map((span) => {
    const bidiOnly = !span.kinds.has("zero-width");
    const kind = bidiOnly ? "bidi" : span.kinds.has("bidi") ? "zeroWidthBidi" : "zeroWidth";
    const what = { bidi: "bidi control", zeroWidthBidi: "zero-width and bidi control", zeroWidth: "zero-width" }[kind];
    return {
      checkId: "lookalikes",
      position: segment.position,
      start: span.start,
      end: span.end,
      // Right-to-left text may need bidi controls around embedded Latin; elsewhere they only hide things.
      level: bidiOnly && isRtlLang(input.lang) ? "warning" : "error",
      message: `Invisible ${what} characters${span.without ? ` in "${span.without}"` : ""}`,
      messageId: span.without ? "lookalikes.invisibleIn" : "lookalikes.invisible",
      params: { kind, text: span.without },
      suggestion: span.without,
      mqmCategory: ENCODING,
    };
  });
}

// Per text: its mixed-script words and its invisible characters.
const MIXED = textSlot();
const INVISIBLE = textSlot();

/** Look-alike characters: l/I/1 and O/0 swaps in names, mixed-script homoglyphs, invisible characters. */
export const lookalikesCheck: Check = {
  id: "lookalikes",
  run(input) {
    const index = nameIndex(input);
    const records = textRecords(input.shared, input.version);
    const segments = input.version.segments;
    const findings: Finding[] = [];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (!inScope(input, segment.position)) continue;
      findings.push(...swaps(input, index, segment));
      const mixed = slotValue<Word[]>(records[i], MIXED, mixedWords);
      if (mixed.length > 0) findings.push(...homoglyphs(input, segment, mixed));
      const spans = slotValue<InvisibleSpan[]>(records[i], INVISIBLE, invisibleSpans);
      if (spans.length > 0) findings.push(...invisibles(input, segment, spans));
    }
    return findings.sort((a, b) => a.position - b.position || a.start - b.start);
  },
};
