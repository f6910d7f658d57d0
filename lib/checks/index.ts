import { boilerplateCheck } from "./boilerplate";
import { brokenSentenceCheck } from "./broken-sentence";
import { glossaryCheck } from "./glossary";
import { gluedCheck } from "./glued";
import { lookalikesCheck } from "./lookalikes";
import { namesCheck } from "./names";
import { numbersCheck } from "./numbers";
import { punctuationCheck } from "./punctuation";
import { structureCheck } from "./structure";
import { truncationCheck } from "./truncation";
import { keptRecords, seedRecords, type TextRecord } from "./text-records";
import type { ArticleForChecks, Check, CheckInput, Finding } from "./types";
import { untranslatedCheck } from "./untranslated";

export type * from "./types";
export { FINDING_MESSAGE_IDS, type FindingMessageId } from "./messages";

/** Every automatic check, in the order their findings are listed. */
export const CHECKS: readonly Check[] = [
  glossaryCheck,
  namesCheck,
  lookalikesCheck,
  gluedCheck,
  numbersCheck,
  punctuationCheck,
  brokenSentenceCheck,
  truncationCheck,
  untranslatedCheck,
  boilerplateCheck,
  structureCheck,
];

export const CHECK_IDS = CHECKS.map((check) => check.id);

/** The primary language subtag: "de-CH" → "de". */
export function primaryLanguage(tag: string): string {
  return tag.split("-")[0].toLowerCase();
}

const byPlace = (a: Finding, b: Finding) => a.position - b.position || a.start - b.start || a.end - b.end || a.checkId.localeCompare(b.checkId);

/**
 * What one run leaves for the next: per position a key of the texts there and at the next
 * position, and per version and check the context it ran in with its findings per position.
 */
export interface CheckState {
  stamp: string;
  /** Per position, every version's kind and text there (null where it has none). Texts are compared, not hashed: that is faster. */
  keys: Map<number, (string | null)[]>;
  cells: Map<string, { context: string; byPosition: Map<number, Finding[]> }>;
  /** What the checks worked out per distinct text (lib/checks/text-records.ts): unchanged texts are not analysed again. */
  records: Map<number, TextRecord[]>;
}

export interface CheckRun {
  /** Findings per version id, in reading order. */
  results: Map<string, Finding[]>;
  state: CheckState;
  /** Version × position × check cells worked out afresh, and taken from the previous state. */
  rechecked: number;
  reused: number;
}

/** Glossary, spellers and the versions themselves: a change to any of these re-checks everything. */
function articleStamp(article: ArticleForChecks): string {
  const parts = [JSON.stringify(article.glossary)];
  for (const version of article.source ? [article.source, ...article.versions] : article.versions) {
    parts.push(`${version.id}:${version.lang}:${version.isSource}:${Boolean(article.speller?.(primaryLanguage(version.lang)))}`);
  }
  return parts.join("\n");
}

/** Per position, every version's kind and text there, in the article's version order. */
function positionKeys(article: ArticleForChecks): Map<number, (string | null)[]> {
  const all = article.source ? [article.source, ...article.versions] : article.versions;
  const keys = new Map<number, (string | null)[]>();
  for (let i = 0; i < all.length; i++) {
    for (const segment of all[i].segments) {
      let key = keys.get(segment.position);
      if (!key) keys.set(segment.position, (key = new Array<string | null>(all.length * 2).fill(null)));
      key[2 * i] = segment.kind;
      key[2 * i + 1] = segment.text;
    }
  }
  return keys;
}

function sameKey(a: (string | null)[] | undefined, b: (string | null)[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function byPosition(findings: Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const finding of findings) {
    const list = out.get(finding.position);
    if (list) list.push(finding);
    else out.set(finding.position, [finding]);
  }
  return out;
}

/**
 * Runs every check over every non-source version of an article (or the ones
 * asked for). Checks see all versions at once: that is how cross-version
 * names work. Given the state of an earlier run, a check re-examines only the
 * positions whose texts (there or at the next position) changed, as long as
 * what it reads beyond a position (its context) is unchanged; the other
 * positions keep their findings. A check that throws is reported through
 * onError and skipped, so one faulty check never hides the others' findings.
 */
export function checkArticle(
  article: ArticleForChecks,
  previous: CheckState | null,
  options: { versionIds?: readonly string[]; onError?: (checkId: string, error: unknown) => void } = {},
): CheckRun {
  const shared = new Map<string, unknown>();
  const stamp = articleStamp(article);
  const keys = positionKeys(article);
  const earlier = previous && previous.stamp === stamp ? previous : null;
  if (earlier) seedRecords(shared, earlier.records);
  const changed = new Set<number>();
  // A position is re-examined when its texts or the next position's changed (punctuation reads the next).
  if (earlier) {
    for (const [position, key] of keys) {
      if (!sameKey(earlier.keys.get(position), key) || !sameKey(earlier.keys.get(position + 1), keys.get(position + 1))) changed.add(position);
    }
  }
  const state: CheckState = { stamp, keys, cells: new Map(), records: new Map() };
  const results = new Map<string, Finding[]>();
  let rechecked = 0;
  let reused = 0;
  for (const version of article.versions) {
    if (options.versionIds && !options.versionIds.includes(version.id)) continue;
    const input: CheckInput = {
      version,
      source: article.source,
      others: article.versions.filter((other) => other.id !== version.id),
      glossary: article.glossary,
      lang: version.lang,
      speller: article.speller?.(primaryLanguage(version.lang)) ?? null,
      shared,
    };
    const findings: Finding[] = [];
    for (const check of CHECKS) {
      const cellKey = `${version.id}\u0000${check.id}`;
      try {
        const context = check.context?.(input) ?? "";
        const before = earlier?.cells.get(cellKey);
        const reusable = before !== undefined && before.context === context;
        let cell: Map<number, Finding[]>;
        if (reusable && changed.size === 0) {
          cell = before.byPosition;
        } else {
          input.positions = reusable ? changed : undefined;
          const found = byPosition(check.run(input));
          cell = found;
          if (reusable) {
            for (const [position, list] of before.byPosition) if (!changed.has(position) && keys.has(position)) cell.set(position, list);
          }
        }
        const fresh = reusable ? changed.size : keys.size;
        rechecked += fresh;
        reused += keys.size - fresh;
        state.cells.set(cellKey, { context, byPosition: cell });
        for (const list of cell.values()) findings.push(...list);
      } catch (error) {
        options.onError?.(check.id, error);
      } finally {
        input.positions = undefined;
      }
    }
    results.set(version.id, findings.sort(byPlace));
  }
  state.records = keptRecords(shared, article.source ? [article.source, ...article.versions] : article.versions);
  return { results, state, rechecked, reused };
}

/** checkArticle without an earlier state: every check over every position. */
export function runChecks(
  article: ArticleForChecks,
  options: { versionIds?: readonly string[]; onError?: (checkId: string, error: unknown) => void } = {},
): Map<string, Finding[]> {
  return checkArticle(article, null, options).results;
}
