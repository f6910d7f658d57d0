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
import type { ArticleForChecks, Check, CheckInput, Finding } from "./types";
import { untranslatedCheck } from "./untranslated";

export type * from "./types";

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
 * Runs every check over every non-source version of an article (or the ones
 * asked for). Checks see all versions at once: that is how cross-version
 * names work. A check that throws is reported through onError and skipped,
 * so one faulty check never hides the others' findings.
 */
export function runChecks(
  article: ArticleForChecks,
  options: { versionIds?: readonly string[]; onError?: (checkId: string, error: unknown) => void } = {},
): Map<string, Finding[]> {
  const shared = new Map<string, unknown>();
  const results = new Map<string, Finding[]>();
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
      try {
        findings.push(...check.run(input));
      } catch (error) {
        options.onError?.(check.id, error);
      }
    }
    results.set(version.id, findings.sort(byPlace));
  }
  return results;
}
