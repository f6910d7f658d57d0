import type { CheckVersion, Finding, GlossaryEntry } from "./types";

/** How one version writes one name: each form it uses, how often, and where first. */
export interface NameCell {
  forms: { form: string; count: number; firstPosition: number; outlier: boolean }[];
}

export interface NameRow {
  /** The majority (or glossary) form. */
  name: string;
  fromGlossary: boolean;
  /** Version id → cell; versions that never write the name have no cell. */
  cells: Record<string, NameCell>;
  outliers: number;
}

const LATIN_WORD = /[\p{Script=Latin}][\p{Script=Latin}\p{M}'’-]*[\p{Script=Latin}\p{M}]|[\p{Script=Latin}]/gu;
const isLatinVersion = (v: CheckVersion) => v.segments.some((s) => /\p{Script=Latin}{3}/u.test(s.text)) && !/^(zh|ja|ko|ru|uk|bg|el|ar|he|fa)\b/.test(v.lang);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole-word occurrences of a Latin-script form: not glued to other Latin letters or digits (CJK neighbours are fine). */
function occurrences(text: string, form: string): number {
  const pattern = new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${escapeRegExp(form)}(?![\\p{Script=Latin}\\p{N}])`, "gu");
  return text.match(pattern)?.length ?? 0;
}

/**
 * Capitalised words that at least two Latin-script versions in different
 * languages write identically somewhere in the article: proper names, not
 * German nouns (which only German capitalises) or sentence starts.
 */
function sharedNames(versions: readonly CheckVersion[]): string[] {
  const languages = new Map<string, Set<string>>();
  for (const version of versions.filter(isLatinVersion)) {
    const seen = new Set<string>();
    for (const segment of version.segments) {
      for (const word of segment.text.match(LATIN_WORD) ?? []) {
        if (word.length >= 3 && /^\p{Lu}/u.test(word)) seen.add(word);
      }
    }
    for (const word of seen) {
      const langs = languages.get(word) ?? new Set<string>();
      langs.add(version.lang.split("-")[0]);
      languages.set(word, langs);
    }
  }
  return [...languages].filter(([, langs]) => langs.size >= 2).map(([word]) => word);
}

/**
 * The names matrix: rows are glossary terms, names the checks corrected, and
 * names several versions share; columns are versions; each cell counts the
 * forms used, and a form the checks or the glossary call wrong is an outlier.
 */
export function namesMatrix(input: {
  versions: readonly CheckVersion[];
  glossary: readonly GlossaryEntry[];
  findings: readonly (Finding & { versionId: string; quote: string })[];
  limit?: number;
}): NameRow[] {
  const variantsOf = new Map<string, { variants: Set<string>; fromGlossary: boolean }>();
  const add = (name: string, variant: string | null, fromGlossary: boolean) => {
    const row = variantsOf.get(name) ?? { variants: new Set<string>(), fromGlossary };
    row.fromGlossary ||= fromGlossary;
    if (variant && variant !== name) row.variants.add(variant);
    variantsOf.set(name, row);
  };
  for (const term of input.glossary) {
    if (!/\p{Script=Latin}/u.test(term.canonical)) continue;
    add(term.canonical, null, true);
    for (const variant of term.variants) add(term.canonical, variant, true);
  }
  for (const f of input.findings) {
    if (!["names", "lookalikes", "glossary"].includes(f.checkId) || !f.suggestion || !f.quote) continue;
    if (/\s/.test(f.quote) !== /\s/.test(f.suggestion)) continue;
    add(f.suggestion, f.quote, false);
  }
  for (const name of sharedNames(input.versions)) if (!variantsOf.has(name)) add(name, null, false);

  const rows: NameRow[] = [];
  for (const [name, { variants, fromGlossary }] of variantsOf) {
    const cells: Record<string, NameCell> = {};
    let outliers = 0;
    for (const version of input.versions) {
      const forms: NameCell["forms"] = [];
      for (const form of [name, ...variants]) {
        let count = 0;
        let firstPosition = 0;
        for (const segment of version.segments) {
          const n = occurrences(segment.text, form);
          if (n > 0 && firstPosition === 0) firstPosition = segment.position;
          count += n;
        }
        if (count > 0) forms.push({ form, count, firstPosition, outlier: form !== name });
      }
      if (forms.length > 0) {
        cells[version.id] = { forms };
        if (forms.some((f) => f.outlier)) outliers += 1;
      }
    }
    if (Object.keys(cells).length > 0) rows.push({ name, fromGlossary, cells, outliers });
  }
  rows.sort((a, b) => b.outliers - a.outliers || Object.keys(b.cells).length - Object.keys(a.cells).length || a.name.localeCompare(b.name));
  return rows.slice(0, input.limit ?? 300);
}
