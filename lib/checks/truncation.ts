import { endsLikeSentence } from "../text/classify";
import { baseLang, contentLength, segmentsByPosition } from "./lang-scripts";
import { slotMemo, slotValue, textRecords, textSlot, type TextRecord } from "./text-records";
import type { Check, CheckSegment, CheckVersion, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

// Words a sentence cannot end on: articles, conjunctions and abbreviations that announce more ("d." for "d. h.").
const DANGLING: Record<string, Set<string>> = {
  de: new Set(["der", "den", "dem", "des", "zum", "zur", "im", "am", "vom", "beim", "und", "oder", "bzw", "sog", "ca", "vgl", "inkl", "bspw", "sowie"]),
  en: new Set(["the", "an", "and", "or", "i.e", "e.g", "viz", "including"]),
  fr: new Set(["le", "la", "les", "du", "des", "au", "aux", "et", "ou", "de", "c.-à-d", "notamment"]),
  es: new Set(["el", "la", "los", "las", "del", "al", "y", "o", "de", "entre"]),
  ru: new Set(["и", "в", "на", "с", "по", "к", "о", "для", "или", "то есть"]),
};
const DANGLING_CJK = /(?:すなわち|つまり|および|または|ならびに|そして|ないし|即|以及|和|与|或|及|并且|而且|但是)[。．]$/u;
const LAST_WORD = /(?:^|[\s(,;:])([\p{L}][\p{L}.-]*?)\.$/u;
const SINGLE_LOWER = /^\p{Ll}$/u;

/** Far shorter than the source: a paragraph's share of the text compared with the version's overall share. */
const SHORT_RATIO = 0.5;
/** The other versions must be of normal length there, or the source itself is odd. */
const OTHERS_NORMAL = 0.75;
/** Shorter source paragraphs vary too much to judge. */
const MIN_SOURCE_LENGTH = 80;

interface Shape {
  length: number;
  ends: boolean;
}

// Only the last characters decide whether a text ends like a sentence.
const ends = (text: string) => endsLikeSentence(text.slice(-12));

// Per text: its shape, and (per language) its ending.
const SHAPE = textSlot();
const ENDING = textSlot();

const shapeOf = (text: string): Shape => ({ length: contentLength(text), ends: ends(text.trimEnd()) });

/** Content length and final punctuation of each segment of a version, worked out once per article. */
function shapes(version: CheckVersion, shared: Map<string, unknown>): Map<number, Shape> {
  const key = `truncation:shapes:${version.id}`;
  let map = shared.get(key) as Map<number, Shape> | undefined;
  if (!map) {
    const records = textRecords(shared, version);
    map = new Map(version.segments.map((segment, i) => [segment.position, slotValue(records[i], SHAPE, shapeOf)]));
    shared.set(key, map);
  }
  return map;
}

/** How long a version is compared with the source, over the paragraphs both have: one factor per version and article. */
function lengthFactor(version: CheckVersion, source: CheckVersion, shared: Map<string, unknown>): number {
  const key = `truncation:factor:${version.id}`;
  let factor = shared.get(key) as number | undefined;
  if (factor === undefined) {
    const bySource = segmentsByPosition(source, shared);
    const sourceShapes = shapes(source, shared);
    const myShapes = shapes(version, shared);
    let mine = 0;
    let theirs = 0;
    for (const segment of version.segments) {
      const counterpart = bySource.get(segment.position);
      if (!counterpart || counterpart.kind !== "paragraph") continue;
      mine += myShapes.get(segment.position)!.length;
      theirs += sourceShapes.get(segment.position)!.length;
    }
    factor = mine > 0 && theirs > 0 ? mine / theirs : 1;
    shared.set(key, factor);
  }
  return factor;
}


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function danglingEnd(text: string, lang: string): string | null {
  // Both patterns end in a full stop; most paragraphs end otherwise, and an anchored regex would try every position.
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x2e && last !== 0x3002 && last !== 0xff0e) return null;
  const cjk = text.match(DANGLING_CJK);
  if (cjk) return cjk[0];
  const match = text.match(LAST_WORD);
  if (!match) return null;
  const word = match[1];
  if (SINGLE_LOWER.test(word) || DANGLING[lang]?.has(word.toLowerCase())) return `${word}.`;
  return null;
}

function finding(position: number, start: number, end: number, level: Finding["level"], messageId: FindingMessageId, message: string, params: Finding["params"]): Finding {
  return { checkId: "truncation", position, start, end, level, message, messageId, params, mqmCategory: "Accuracy/Omission" };
}

/** The end of a paragraph: its length without trailing space, and a word it dangles on. */
interface Ending {
  length: number;
  dangling: string | null;
}

interface Context {
  endings: (record: TextRecord) => Ending;
  factor: number;
  sourceShapes: Map<number, Shape>;
  myShapes: Map<number, Shape>;
  others: { shapes: Map<number, Shape>; factor: number }[];
}

function checkSegment(segment: CheckSegment, record: TextRecord, context: Context): Finding | null {
  const { length, dangling } = context.endings(record);
  const sourceShape = context.sourceShapes.get(segment.position)!;
  const myShape = context.myShapes.get(segment.position)!;

  if (dangling && sourceShape.ends) {
    return finding(segment.position, length - dangling.length, length, "error", "truncation.dangling", `The paragraph ends on “${dangling}”: cut off?`, { ending: dangling });
  }
  if (!myShape.ends && sourceShape.ends) {
    let present = 0;
    let ending = 0;
    for (const other of context.others) {
      const shape = other.shapes.get(segment.position);
      if (!shape) continue;
      present++;
      if (shape.ends) ending++;
    }
    if (ending * 2 >= present) return finding(segment.position, length, length, "warning", "truncation.noFinalPunctuation", "The paragraph has no final punctuation, unlike the source", {});
  }
  if (sourceShape.length < MIN_SOURCE_LENGTH) return null;
  const relative = myShape.length / sourceShape.length / context.factor;
  if (relative >= SHORT_RATIO) return null;
  const othersRelative = context.others.flatMap((other) => {
    const shape = other.shapes.get(segment.position);
    return shape ? [shape.length / sourceShape.length / other.factor] : [];
  });
  if (othersRelative.length && median(othersRelative) < OTHERS_NORMAL) return null;
  const percent = Math.round(relative * 100);
  return finding(segment.position, 0, 0, "warning", "truncation.short", `The paragraph is far shorter than the source (${percent}% of the usual length)`, { percent });
}

/**
 * Paragraphs cut off by machine translation: ending on a dangling
 * abbreviation or article ("Governance-Konzepten, d.", "entre el."), ending
 * without punctuation where the source and the other versions have it, or far
 * shorter than the source compared with the rest of the version and with the
 * other versions. Titles, headings and site lines are skipped.
 */
export const truncationCheck: Check = {
  id: "truncation",
  // Every version's length against the source's decides what "far shorter" means.
  context(input) {
    const { version, source } = input;
    if (!source || version.isSource) return "";
    return [version, ...input.others].map((v) => `${v.id}=${lengthFactor(v, source, input.shared)}`).join(",");
  },
  run(input) {
    const { version, source } = input;
    if (!source || version.isSource) return [];
    const bySource = segmentsByPosition(source, input.shared);
    const lang = baseLang(input.lang);
    const keys = [lang];
    const ending = (text: string): Ending => {
      const trimmed = text.trimEnd();
      return { length: trimmed.length, dangling: danglingEnd(trimmed.slice(-24), lang) };
    };
    const context: Context = {
      endings: (record) => slotMemo(record, ENDING, keys, ending),
      factor: lengthFactor(version, source, input.shared),
      sourceShapes: shapes(source, input.shared),
      myShapes: shapes(version, input.shared),
      others: input.others.map((other) => ({ shapes: shapes(other, input.shared), factor: lengthFactor(other, source, input.shared) })),
    };
    const records = textRecords(input.shared, version);
    const findings: Finding[] = [];
    for (let i = 0; i < version.segments.length; i++) {
      const segment = version.segments[i];
      if (!inScope(input, segment.position)) continue;
      const sourceSegment = bySource.get(segment.position);
      if (!sourceSegment || sourceSegment.kind !== "paragraph" || sourceSegment.text.trim() === "") continue;
      const found = checkSegment(segment, records[i], context);
      if (found) findings.push(found);
    }
    return findings;
  },
};
