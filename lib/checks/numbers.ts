import { extractQuantities, sameValue, type Quantity } from "./lang-numbers";
import { segmentsByPosition } from "./lang-scripts";
import { placeFindings } from "./lang-text-memo";
import { slotMemo, textRecords, textSlot } from "./text-records";
import type { Check, CheckInput, CheckVersion, Finding } from "./types";
import { inScope } from "./types";

// Per text: its quantities as a source text (per language), and its findings (per languages and source text).
const SOURCE_QUANTITIES = textSlot();
const FOUND = textSlot();

/** The source's quantities per position, extracted once per article. */
function sourceQuantities(source: CheckVersion, shared: Map<string, unknown>): Map<number, Quantity[]> {
  const key = `numbers:source:${source.id}`;
  let map = shared.get(key) as Map<number, Quantity[]> | undefined;
  if (!map) {
    map = new Map();
    const records = textRecords(shared, source);
    const keys = [source.lang];
    // Scale words without a number first, so that "1万亿" stays to name a mismatch.
    const extract = (text: string) => extractQuantities(text, source.lang, true).sort((a, b) => Number(b.bare) - Number(a.bare));
    source.segments.forEach((segment, i) => {
      const quantities = slotMemo(records[i], SOURCE_QUANTITIES, keys, extract);
      if (quantities.length) map!.set(segment.position, quantities);
    });
    shared.set(key, map);
  }
  return map;
}

function matches(a: Quantity, b: Quantity): boolean {
  for (const x of a.values) for (const y of b.values) if (sameValue(x, y)) return true;
  return false;
}

// 7 billion written as 700 million or 7 million: same figure, wrong scale.
function scaleSlip(source: Quantity, target: Quantity): boolean {
  for (const s of source.values) {
    for (const t of target.values) {
      if (Math.min(s, t) < 1e3) continue;
      const exponent = Math.log10(Math.max(s, t) / Math.min(s, t));
      const rounded = Math.round(exponent);
      if (rounded >= 1 && rounded <= 6 && Math.abs(exponent - rounded) < 1e-9) return true;
    }
  }
  return false;
}

const EN_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
// Intl formatting is slow and the same few figures recur across versions: formatted once each, in a bounded cache.
const formatted = new Map<number, string>();
function format(value: number): string {
  // The map does not tell -0 from 0, which format() writes as "-0".
  if (Object.is(value, -0)) return EN_NUMBER.format(value);
  let text = formatted.get(value);
  if (text === undefined) {
    text = EN_NUMBER.format(value);
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(value, text);
  }
  return text;
}

/** The first target quantity not yet used that fits the source quantity, or -1. */
function firstUnused(target: Quantity[], used: boolean[], quantity: Quantity, fits: (source: Quantity, target: Quantity) => boolean): number {
  for (let i = 0; i < target.length; i++) if (!used[i] && fits(quantity, target[i])) return i;
  return -1;
}

function checkSegment(position: number, text: string, source: Quantity[], input: CheckInput): Finding[] {
  const target = extractQuantities(text, input.lang);
  // Which target quantities are taken, by index: a flag list instead of a set and closures per segment.
  const used = new Array<boolean>(target.length).fill(false);
  const missing: Quantity[] = [];
  for (const quantity of source) {
    const index = firstUnused(target, used, quantity, matches);
    if (index >= 0) used[index] = true;
    else missing.push(quantity);
  }
  const findings: Finding[] = [];
  for (const quantity of missing) {
    const index = firstUnused(target, used, quantity, scaleSlip);
    if (index >= 0) {
      used[index] = true;
      const wrong = target[index];
      findings.push({
        checkId: "numbers",
        position,
        start: wrong.start,
        end: wrong.end,
        level: "error",
        message: `“${wrong.text}” (${format(wrong.values[0])}) does not match “${quantity.text}” (${format(quantity.values[0])}) in the source`,
        messageId: "numbers.mismatch",
        params: { found: wrong.text, foundValue: wrong.values[0], expected: quantity.text, expectedValue: quantity.values[0] },
        mqmCategory: "Accuracy/Mistranslation",
      });
    } else {
      findings.push({
        checkId: "numbers",
        position,
        start: 0,
        end: 0,
        level: "warning",
        message: `The source number “${quantity.text}” (${format(quantity.values[0])}) is not in this segment`,
        messageId: "numbers.missing",
        params: { expected: quantity.text, expectedValue: quantity.values[0] },
        mqmCategory: "Accuracy/Mistranslation",
      });
    }
  }
  return findings;
}

/**
 * Numbers of the source that are missing or different in the translation.
 * Digit grouping, decimal commas, scale words (70亿 = 7 Milliarden = 7
 * billion), months and number words are normalised first. A figure with the
 * wrong power of ten is an error; a figure not found at all is a warning,
 * since translators may legitimately rephrase ("half as many").
 */
export const numbersCheck: Check = {
  id: "numbers",
  run(input) {
    const { version, source } = input;
    if (!source || version.isSource) return [];
    const bySource = sourceQuantities(source, input.shared);
    const sourceSegments = segmentsByPosition(source, input.shared);
    // The quantities at a position follow from the source's text there, so (source text, text) decides the findings.
    const records = textRecords(input.shared, version);
    const findings: Finding[] = [];
    version.segments.forEach((segment, i) => {
      if (!inScope(input, segment.position)) return;
      const quantities = bySource.get(segment.position);
      if (!quantities) return;
      const sourceText = sourceSegments.get(segment.position)!.text;
      const found = slotMemo(records[i], FOUND, [source.lang, input.lang, sourceText], (text) => checkSegment(0, text, quantities, input));
      placeFindings(found, segment.position, findings);
    });
    return findings;
  },
};
