import { isFunctionWord, leadingFunctionWords, trailingFunctionWords } from "./text-function-words";
import { capitalVocabulary, looksCamel, lookalikeKey, memo, primaryLang, segmentTextAt, versionCapitalWords, words, type Word } from "./text-words";
import type { Check, CheckInput, CheckVersion, Finding, Speller } from "./types";

const CATEGORY = "Fluency/Spelling";
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const ALL_LOWER = /^\p{Ll}+$/u;
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** How sure we are that a piece of a glued token is a word of its own. */
type Evidence = "strong" | "weak" | null;

interface Context {
  input: CheckInput;
  /** Versions other than this one, plus the source. */
  voters: CheckVersion[];
  spell: (word: string) => boolean;
  brands: Map<string, boolean>;
}

function cachedSpeller(input: CheckInput): (word: string) => boolean {
  const speller: Speller | null = input.speller;
  if (!speller) return () => false;
  const cache = memo(input.shared, `glued:spelling:${input.lang}`, () => new Map<string, boolean>());
  return (word) => {
    let known = cache.get(word);
    if (known === undefined) cache.set(word, (known = speller.correct(word)));
    return known;
  };
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

/** Words other versions and the source have at this position, as written and in lower case. */
function wordsHere(ctx: Context, position: number): { exact: Set<string>; lower: Set<string> } {
  return memo(ctx.input.shared, `glued:here:${ctx.input.version.id}:${position}`, () => {
    const exact = new Set<string>();
    for (const v of ctx.voters) for (const w of words(segmentTextAt(ctx.input.shared, v, position) ?? "")) exact.add(w.text);
    return { exact, lower: new Set([...exact].map((w) => w.toLowerCase())) };
  });
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
  best[0] = 0;
  for (let j = 1; j < cuts.length; j++) {
    for (let i = 0; i < j; i++) {
      if (best[i] === Infinity || (i === 0 && j === cuts.length - 1)) continue;
      const piece = word.slice(cuts[i], cuts[j]);
      if (piece.length < 2 || !evidence(piece)) continue;
      if (best[i] + 1 < best[j]) {
        best[j] = best[i] + 1;
        back[j] = i;
      }
    }
  }
  if (best[cuts.length - 1] === Infinity) return null;
  const pieces: string[] = [];
  for (let j = cuts.length - 1; j > 0; j = back[j]) pieces.unshift(word.slice(cuts[back[j]], cuts[j]));
  return { pieces, strong: pieces.every((p) => evidence(p) === "strong") };
}

function camelFinding(ctx: Context, position: number, word: Word): Finding | null {
  const text = word.text;
  if (isBrand(ctx, text) || (/s$/.test(text) && isBrand(ctx, text.slice(0, -1)))) return null;
  const here = wordsHere(ctx, position);
  // OpenAl next to OpenAI is a look-alike, not a glue.
  const key = lookalikeKey(text);
  for (const other of here.exact) if (other !== text && lookalikeKey(other) === key) return null;
  const own = capitalVocabulary(ctx.input.shared, ctx.input.version);
  const lang = ctx.input.lang;
  const evidence = (piece: string): Evidence => {
    if (here.lower.has(piece.toLowerCase()) || isFunctionWord(piece, lang) || isBrand(ctx, piece)) return "strong";
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
    params: { found: text, expected: joined },
    suggestion: joined,
    mqmCategory: CATEGORY,
  };
}

/** A lower-case token the dictionary does not know, made of a function word and a known word ("ofthe", "undder"). */
function lowerFinding(ctx: Context, position: number, word: Word): Finding | null {
  const text = word.text;
  if (text.length < 4 || !ALL_LOWER.test(text) || ctx.spell(text)) return null;
  const leading = leadingFunctionWords(ctx.input.lang);
  const trailing = trailingFunctionWords(ctx.input.lang);
  const cuts: number[] = [];
  for (let i = 2; i <= text.length - 2; i++) {
    const left = text.slice(0, i);
    const right = text.slice(i);
    const glued =
      (leading.has(left) && (trailing.has(right) || leading.has(right) || right.length >= 3)) ||
      (trailing.has(right) && left.length >= 3);
    if (glued) cuts.push(i);
  }
  if (cuts.length === 0) return null;
  if (wordsHere(ctx, position).exact.has(text)) return null;
  for (const i of cuts) {
    const left = text.slice(0, i);
    const right = text.slice(i);
    const known = (part: string) => isFunctionWord(part, ctx.input.lang) || ctx.spell(part);
    if (!known(left) || !known(right)) continue;
    const joined = `${left} ${right}`;
    return {
      checkId: "glued",
      position,
      start: word.start,
      end: word.end,
      level: "warning",
      message: `"${text}" looks like two words run together: "${joined}"`,
      params: { found: text, expected: joined },
      suggestion: joined,
      mqmCategory: CATEGORY,
    };
  }
  return null;
}

/**
 * Lower-case words that open with a function word of the language ("ofthe", "dieneue"): the only ones worth
 * a dictionary look-up. Anchored at a word start, so the scan stays linear.
 */
function functionWordJoins(shared: Map<string, unknown>, lang: string): RegExp | null {
  return memo(shared, `glued:joins:${primaryLang(lang)}`, () => {
    const leading = leadingFunctionWords(lang);
    if (leading.size === 0) return null;
    const edge = "[\\p{L}\\p{M}\\p{N}]";
    return new RegExp(`(?<!${edge})(?:${[...leading].join("|")})\\p{Ll}{2,}(?!${edge})`, "gu");
  });
}

/** Glued words: CamelCase joins of words seen elsewhere, and function words run into a neighbour. */
export const gluedCheck: Check = {
  id: "glued",
  run(input) {
    const voters = [...input.others];
    if (input.source && input.source.id !== input.version.id && !voters.some((v) => v.id === input.source!.id)) voters.push(input.source);
    const ctx: Context = { input, voters, spell: cachedSpeller(input), brands: new Map() };
    const joins = input.speller ? functionWordJoins(input.shared, input.lang) : null;
    const findings: Finding[] = [];
    for (const [position, found] of versionCapitalWords(input.shared, input.version)) {
      for (const word of found) {
        const finding = looksCamel(word.text) ? camelFinding(ctx, position, word) : null;
        if (finding) findings.push(finding);
      }
    }
    if (joins) {
      for (const segment of input.version.segments) {
        for (const m of segment.text.matchAll(joins)) {
          const finding = lowerFinding(ctx, segment.position, { text: m[0], start: m.index, end: m.index + m[0].length });
          if (finding) findings.push(finding);
        }
      }
    }
    return findings.sort((a, b) => a.position - b.position || a.start - b.start);
  },
};
