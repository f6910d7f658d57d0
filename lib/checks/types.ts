import type { SegmentKind } from "../text/segment-kinds";
import type { FindingMessageId } from "./messages";

/** error: blocks approval until resolved (annotated, fixed or dismissed); warning: worth a look. */
export type FindingLevel = "error" | "warning";

/**
 * One automatic finding. Offsets are UTF-16 code units into the segment's
 * current text, end exclusive (start === end marks the whole segment).
 */
export interface Finding {
  checkId: string;
  position: number;
  start: number;
  end: number;
  level: FindingLevel;
  /** English, for the CLI and API. */
  message: string;
  /** The UI shows the locale files' `findingMessages.<messageId>`, filled in with `params`. */
  messageId: FindingMessageId;
  /** Every value that message names, e.g. { found: "Suzkwer", expected: "Sutskever" }. */
  params: Record<string, string | number>;
  suggestion?: string;
  /** MQM category path from lib/mqm/taxonomy.ts, e.g. "Accuracy/Mistranslation/Entity". */
  mqmCategory: string;
}

export interface CheckSegment {
  position: number;
  kind: SegmentKind;
  /** The current text. */
  text: string;
}

export interface CheckVersion {
  id: string;
  lang: string;
  label: string;
  isSource: boolean;
  segments: CheckSegment[];
}

export interface GlossaryEntry {
  /** BCP-47 language of the canonical form. */
  lang: string;
  canonical: string;
  /** Known wrong spellings of it. */
  variants: string[];
}

/** A spelling dictionary, loaded lazily by lib/server (nspell with a dictionary-* package). */
export interface Speller {
  correct(word: string): boolean;
}

/** Everything about one article that the checks see: all versions at once. */
export interface ArticleForChecks {
  source: CheckVersion | null;
  /** Every non-source version. */
  versions: CheckVersion[];
  glossary: GlossaryEntry[];
  /** A speller for a language, or null where none is available (then the check skips that part). */
  speller?: (lang: string) => Speller | null;
}

/**
 * What one check receives for one version: the version, the source, the other
 * versions (at the same positions), the glossary and the language. `shared`
 * is a per-article memo for work that several versions reuse (e.g. name
 * candidates per version), so that 15 × 600 segments stay within budget.
 */
export interface CheckInput {
  version: CheckVersion;
  source: CheckVersion | null;
  others: CheckVersion[];
  glossary: GlossaryEntry[];
  lang: string;
  speller: Speller | null;
  shared: Map<string, unknown>;
  /** Only these positions need findings (an incremental run); all when absent. */
  positions?: ReadonlySet<number>;
}

export interface Check {
  id: string;
  run(input: CheckInput): Finding[];
  /**
   * What the check reads beyond the texts at a position and the next one (a version's
   * vocabulary, its length against the source…), as a stamp: while it and those texts are
   * unchanged, earlier findings at the position still hold. Absent: nothing beyond them.
   */
  context?(input: CheckInput): string;
}

/** Whether a run needs findings at this position. */
export function inScope(input: CheckInput, position: number): boolean {
  return !input.positions || input.positions.has(position);
}
