import { functionWordJoins, isFunctionWord, leadingFunctionWords, trailingFunctionWords } from "./text-function-words";
import { wordsAtPosition } from "./text-positions";
import { cachedSpelling } from "./text-spelling";
import { slotMemo, slotValue, textRecords, textSlot } from "./text-records";
import { allVersions, capitalVocabulary, capitalWordsOf, looksCamel, memo, primaryLang, sharedMap, type CapitalWord, type Word } from "./text-words";
import type { Check, CheckInput, Finding, Speller } from "./types";
import { inScope } from "./types";

const CATEGORY = "Fluency/Spelling";
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const ALL_LOWER = /^\p{Ll}+$/u;
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** How sure we are that a piece of a glued token is a word of its own. */
type Evidence = "strong" | "weak" | null;

interface Context {
  input: CheckInput;
  spell: (word: string) => boolean;
  brands: Map<string, boolean>;
}

/** A CamelCase form other versions write the same way (OpenAI, ChatGPT, DeepMind) is a name, not a glue. */
function isBrand(ctx: Context, word: string): boolean {
  let brand = ctx.brands.get(word);
  if (brand === undefined) ctx.brands.set(word, (brand = usedAlike(ctx, word)));
  return brand;
}

function usedAlike(ctx: Context, word: string): boolean {
  const { input } = ctx;
  if (input.glossary.some((entry) => entry.canonical === word)) return true;
  if (input.source && input.source.id !== input.version.id && capitalVocabulary(input.shared, input.source).has(word)) return true;
  const others = input.others;
  const using = others.filter((v) => capitalVocabulary(input.shared, v).has(word)).length;
  return using > 0 && using >= Math.ceil(others.length / 2);
}

/** Where a CamelCase token may split: before an upper-case letter that follows a lower-case one, or that opens a word after an acronym. */
function camelBoundaries(word: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < word.length; i++) {
    if (!UPPER.test(word[i])) continue;
    if (LOWER.test(word[i - 1]) || (UPPER.test(word[i - 1]) && i + 1 < word.length && LOWER.test(word[i + 1]))) out.push(i);
  }
  return out;
}

/** The fewest known pieces a CamelCase token splits into, or null when it does not split into known words. */
function splitCamel(word: string, evidence: (piece: string) => Evidence): { pieces: string[]; strong: boolean } | null {
  const cuts = [0, ...camelBoundaries(word), word.length];
  // best[i]: fewest pieces covering word[0, cuts[i]); back[i] the previous cut.
  const best: number[] = new Array(cuts.length).fill(Infinity);
  const back: number[] = new Array(cuts.length).fill(-1);
  // How sure the piece that ends at cuts[j] on the best path is: each piece's evidence is asked once.
  const sure: Evidence[] = new Array(cuts.length).fill(null);
  best[0] = 0;
  for (let j = 1; j < cuts.length; j++) {
    for (let i = 0; i < j; i++) {
      if (best[i] === Infinity || (i === 0 && j === cuts.length - 1)) continue;
      const piece = word.slice(cuts[i], cuts[j]);
      if (piece.length < 2) continue;
      const found = evidence(piece);
      if (!found) continue;
      if (best[i] + 1 < best[j]) {
        best[j] = best[i] + 1;
        back[j] = i;
        sure[j] = found;
      }
    }
  }
  if (best[cuts.length - 1] === Infinity) return null;
  const pieces: string[] = [];
  let strong = true;
  for (let j = cuts.length - 1; j > 0; j = back[j]) {
    pieces.unshift(word.slice(cuts[back[j]], cuts[j]));
    if (sure[j] !== "strong") strong = false;
  }
  return { pieces, strong };
}

function camelFinding(ctx: Context, position: number, word: Word): Finding | null {
  const text = word.text;
  if (isBrand(ctx, text) || (/s$/.test(text) && isBrand(ctx, text.slice(0, -1)))) return null;
  const here = wordsAtPosition(ctx.input, position);
  // OpenAl next to OpenAI is a look-alike, not a glue.
  if (here.hasLookalike(text)) return null;
  const own = capitalVocabulary(ctx.input.shared, ctx.input.version);
  const lang = ctx.input.lang;
  const evidence = (piece: string): Evidence => {
    if (here.hasLower(piece.toLowerCase()) || isFunctionWord(piece, lang) || isBrand(ctx, piece)) return "strong";
    if (own.has(piece) || ACRONYM.test(piece) || ctx.spell(piece) || ctx.spell(piece.toLowerCase())) return "weak";
    return null;
  };
  const split = splitCamel(text, evidence);
  if (!split) return null;
  const joined = split.pieces.join(" ");
  const functionWord = split.pieces.some((p) => isFunctionWord(p, lang));
  return {
    checkId: "glued",
    position,
    start: word.start,
    end: word.end,
    level: split.strong || functionWord ? "error" : "warning",
    message: `"${text}" looks like words run together: "${joined}"`,
    messageId: "glued.camel",
    params: { found: text, expected: joined },
    suggestion: joined,
    mqmCategory: CATEGORY,
  };
}

/**
 * How a lower-case token the dictionary does not know splits into a function word and a known word
 * ("ofthe" → "of the", "undder" → "und der"), or null. Depends on the language and speller only.
 */
function lowerSplit(text: string, lang: string, spell: (word: string) => boolean): string | null {
  if (text.length < 4 || !ALL_LOWER.test(text) || spell(text)) return null;
  const leading = leadingFunctionWords(lang);
  const trailing = trailingFunctionWords(lang);
  const known = (part: string) => isFunctionWord(part, lang) || spell(part);
  for (let i = 2; i <= text.length - 2; i++) {
    const left = text.slice(0, i);
    const right = text.slice(i);
    const glued =
      (leading.has(left) && (trailing.has(right) || leading.has(right) || right.length >= 3)) ||
      (trailing.has(right) && left.length >= 3);
    if (glued && known(left) && known(right)) return `${left} ${right}`;
  }
  return null;
}

function lowerFinding(position: number, word: Word, joined: string): Finding {
  return {
    checkId: "glued",
    position,
    start: word.start,
    end: word.end,
    level: "warning",
    message: `"${word.text}" looks like two words run together: "${joined}"`,
    messageId: "glued.lower",
    params: { found: word.text, expected: joined },
    suggestion: joined,
    mqmCategory: CATEGORY,
  };
}

/** Splits of lower-case tokens, per language and speller, for the whole article. */
function lowerSplits(input: CheckInput, speller: Speller): Map<string, string | null> {
  const bySpeller = sharedMap<Speller, Map<string, string | null>>(input.shared, `glued:lower:${primaryLang(input.lang)}`);
  let splits = bySpeller.get(speller);
  if (!splits) bySpeller.set(speller, (splits = new Map()));
  return splits;
}

// Whether a code unit may be (part of) an upper-case letter: \p{Lu}, or a surrogate (astral capitals). Filled on first sight.
const MAYBE_UPPER = new Uint8Array(0x10000);
const UPPER_CLASSIFIED = 2;
function maybeUpper(code: number): boolean {
  let c = MAYBE_UPPER[code];
  if (c === 0) {
    c = UPPER_CLASSIFIED | ((code >= 0xd800 && code <= 0xdfff) || UPPER.test(String.fromCharCode(code)) ? 1 : 0);
    MAYBE_UPPER[code] = c;
  }
  return (c & 1) === 1;
}

// Every CamelCase shape has a capital after the first letter; most capitalised words (Москва, Über) have none,
// and looksCamel's Unicode regex, which non-ASCII words fall through to, is skipped for them.
function upperAfterFirst(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 128 ? code >= 65 && code <= 90 : maybeUpper(code)) return true;
  }
  return false;
}

const isCamel = (w: CapitalWord) => upperAfterFirst(w.text) && looksCamel(w.text);
// Shared by the many texts without a CamelCase word; never added to.
const NO_CAMEL: CapitalWord[] = [];
function camelWords(found: CapitalWord[]): CapitalWord[] {
  let camel = NO_CAMEL;
  for (const word of found) {
    if (!isCamel(word)) continue;
    if (camel === NO_CAMEL) camel = [];
    camel.push(word);
  }
  // An exact-size copy: the list lives as long as the run, and one grown by push keeps room for 16 or more.
  return camel === NO_CAMEL ? camel : camel.slice();
}

// Per text: its CamelCase words, and (per language) its lower-case tokens that may hold a function word.
const CAMEL = textSlot();
const JOINS = textSlot();

/** Glued words: CamelCase joins of words seen elsewhere, and function words run into a neighbour. */
export const gluedCheck: Check = {
  id: "glued",
  // Whether a piece is a brand or a word of the version's own depends on every version's capitalised vocabulary.
  context(input) {
    return memo(input.shared, "glued:context", () =>
      allVersions(input)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((v) => `${v.id}:${[...capitalVocabulary(input.shared, v)].sort().join(" ")}`)
        .join("\n"),
    );
  },
  run(input) {
    const spell = cachedSpelling(input.shared, input.speller);
    const ctx: Context = { input, spell, brands: new Map() };
    const records = textRecords(input.shared, input.version);
    const segments = input.version.segments;
    const findings: Finding[] = [];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (!inScope(input, segment.position)) continue;
      const record = records[i];
      const camel = slotValue(record, CAMEL, () => camelWords(capitalWordsOf(record)));
      for (const word of camel) {
        const finding = camelFinding(ctx, segment.position, word);
        if (finding) findings.push(finding);
      }
    }
    if (input.speller && leadingFunctionWords(input.lang).size > 0) {
      const primary = primaryLang(input.lang);
      const splits = lowerSplits(input, input.speller);
      const lang = input.lang;
      const find = (text: string) => functionWordJoins(text, lang);
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (!inScope(input, segment.position)) continue;
        for (const word of slotMemo(records[i], JOINS, [primary], find)) {
          let joined = splits.get(word.text);
          if (joined === undefined) splits.set(word.text, (joined = lowerSplit(word.text, lang, spell)));
          // A token the other versions write the same way (a name, a loan word) is no glue.
          if (joined !== null && !wordsAtPosition(input, segment.position).hasExact(word.text)) findings.push(lowerFinding(segment.position, word, joined));
        }
      }
    }
    return findings.sort((a, b) => a.position - b.position || a.start - b.start);
  },
};
