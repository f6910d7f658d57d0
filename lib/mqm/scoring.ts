import { errorWeight } from "./weights";

export interface RatedError {
  category: string;
  severity: string;
}

/** One (segment, rater) pair: rated when the rater reviewed it or marked an error in it. */
export interface RatedPair {
  errors: RatedError[];
}

/** A pair's score: the sum of its errors' weights; a clean review scores 0. */
export function pairScore(pair: RatedPair): number {
  return pair.errors.reduce((sum, error) => sum + errorWeight(error.category, error.severity), 0);
}

export interface Scorecard {
  /** Mean penalty over rated pairs (WMT's MQM score; lower is better). */
  mqm: number;
  pairs: number;
  /** Sum of all pairs' penalties. */
  penalty: number;
  /** Penalty points per 1,000 source words, or null without source words. */
  per1000Words: number | null;
  pass: boolean | null;
}

/** The WMT-style score: the mean over all rated pairs, with clean pairs counting as 0. */
export function scorecard(pairs: RatedPair[], sourceWords: number, passPer1000: number | null): Scorecard {
  const penalty = pairs.reduce((sum, pair) => sum + pairScore(pair), 0);
  const per1000Words = sourceWords > 0 ? (penalty * 1000) / sourceWords : null;
  return {
    mqm: pairs.length ? penalty / pairs.length : 0,
    pairs: pairs.length,
    penalty,
    per1000Words,
    pass: passPer1000 === null || per1000Words === null ? null : per1000Words <= passPer1000,
  };
}

/** Words in a source text; CJK characters count one each, as is usual for MQM normalisation. */
export function countWords(text: string): number {
  let words = 0;
  for (const part of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
    if (!part.isWordLike) continue;
    const cjk = part.segment.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/g);
    words += cjk ? cjk.length : 1;
  }
  return words;
}

/** The pass threshold from VERSO_MQM_PASS_PER_1000, or null when unset. */
export function passThreshold(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}
