import { isLanguageSwitcher } from "../text/classify";
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

const HAS_LATIN = /\p{Script=Latin}/u;
/** How much a non-Latin name's positions must overlap a Latin name's to be taken for it. */
const MIN_OVERLAP = 0.6;
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
 * German nouns (which only German capitalises) or sentence starts. A site's
 * language switcher copied with the text ("EnglishFrançais…") names nobody.
 */
function sharedNames(versions: readonly CheckVersion[]): string[] {
  const languages = new Map<string, Set<string>>();
  for (const version of versions.filter(isLatinVersion)) {
    const seen = new Set<string>();
    for (const segment of version.segments) {
      if (isLanguageSwitcher(segment.text)) continue;
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
  // A shared word that some row already counts as a wrong form of its name (Lake under Leike) is no name of its own.
  const variants = new Set([...variantsOf.values()].flatMap((row) => [...row.variants]));
  for (const name of sharedNames(input.versions)) if (!variantsOf.has(name) && !variants.has(name)) add(name, null, false);

  const rows: PlacedRow[] = [];
  for (const [name, { variants, fromGlossary }] of variantsOf) {
    const cells: Record<string, NameCell> = {};
    const positions = new Set<number>();
    for (const version of input.versions) {
      const forms: NameCell["forms"] = [];
      for (const form of [name, ...variants]) {
        let count = 0;
        let firstPosition = 0;
        for (const segment of version.segments) {
          const n = occurrences(segment.text, form);
          if (n === 0) continue;
          if (firstPosition === 0) firstPosition = segment.position;
          positions.add(segment.position);
          count += n;
        }
        if (count > 0) forms.push({ form, count, firstPosition, outlier: form !== name });
      }
      if (forms.length > 0) cells[version.id] = { forms };
    }
    if (Object.keys(cells).length > 0) rows.push({ name, fromGlossary, cells, outliers: 0, positions });
  }
  const merged = mergeOtherScripts(rows);
  addOtherScriptForms(merged, input.versions);
  for (const row of merged) row.outliers = Object.values(row.cells).filter((cell) => cell.forms.some((f) => f.outlier)).length;
  merged.sort((a, b) => b.outliers - a.outliers || Object.keys(b.cells).length - Object.keys(a.cells).length || a.name.localeCompare(b.name));
  return merged.slice(0, input.limit ?? 300).map((row) => ({ name: row.name, fromGlossary: row.fromGlossary, cells: row.cells, outliers: row.outliers }));
}

/** A row while it is built: also where its forms occur. */
interface PlacedRow extends NameRow {
  positions: Set<number>;
}

/**
 * Cyrillic, Japanese and other non-Latin forms of a name join its Latin row
 * (Суцкевер and サツケバー under Sutskever) when they occur at the same
 * positions as that name and clearly better than at any other's: the versions
 * are aligned, so where a name stands tells which name it is.
 */
function mergeOtherScripts(rows: PlacedRow[]): PlacedRow[] {
  const latin = rows.filter((row) => HAS_LATIN.test(row.name));
  const kept: PlacedRow[] = [...latin];
  for (const row of rows) {
    if (HAS_LATIN.test(row.name)) continue;
    const { best, score } = clearBest(latin, (candidate) => overlap(row.positions, candidate.positions));
    if (!best || score < MIN_OVERLAP) {
      kept.push(row);
      continue;
    }
    for (const [versionId, cell] of Object.entries(row.cells)) {
      const into = best.cells[versionId];
      best.cells[versionId] = into ? { forms: [...into.forms, ...cell.forms] } : cell;
    }
    best.fromGlossary ||= row.fromGlossary;
    for (const position of row.positions) best.positions.add(position);
  }
  return kept;
}

/** Name-like words of a non-Latin text: capitalised Cyrillic or Greek words, katakana runs (Japanese writes foreign names in katakana). */
const OTHER_SCRIPT_NAME = /(?<![\p{L}\p{M}])[\p{Lu}](?:[\p{Script=Cyrillic}\p{Script=Greek}\p{M}]|-(?=\p{L}))+|[\p{Script=Katakana}][\p{Script=Katakana}ー・]+/gu;
const CYRILLIC_OR_GREEK_CAPITAL = /^[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** Per name-like word of a version: where it stands, how often, and whether ever mid-sentence (else it is most likely an ordinary word). */
function otherScriptWords(version: CheckVersion): Map<string, { positions: Set<number>; count: number; firstPosition: number; midSentence: boolean }> {
  const words = new Map<string, { positions: Set<number>; count: number; firstPosition: number; midSentence: boolean }>();
  for (const segment of version.segments) {
    if (isLanguageSwitcher(segment.text)) continue;
    for (const match of segment.text.matchAll(OTHER_SCRIPT_NAME)) {
      const word = match[0];
      const capitalised = CYRILLIC_OR_GREEK_CAPITAL.test(word);
      if (capitalised && word.length < 3) continue;
      let entry = words.get(word);
      if (!entry) words.set(word, (entry = { positions: new Set(), count: 0, firstPosition: segment.position, midSentence: false }));
      entry.positions.add(segment.position);
      entry.count += 1;
      entry.midSentence ||= !capitalised || !SENTENCE_START.test(segment.text.slice(0, match.index));
    }
  }
  return words;
}

const SENTENCE_START = /(?:^|[.!?:…]\s*|["«„“]\s*)$/u;

/** A word with its inflected forms (Альтман, Альтмана): Russian declines names, Japanese does not. */
interface WordGroup {
  forms: NameCell["forms"];
  positions: Set<number>;
}

/** Words of a version grouped with their inflections: a form that is another plus up to three letters joins it. */
function wordGroups(version: CheckVersion, known: ReadonlySet<string>): WordGroup[] {
  const words = [...otherScriptWords(version)].filter(([word, entry]) => entry.midSentence && !known.has(word));
  words.sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
  const groups: { base: string; group: WordGroup }[] = [];
  for (const [word, entry] of words) {
    const home = CYRILLIC_OR_GREEK_CAPITAL.test(word) ? groups.find(({ base }) => base.length >= 3 && word.length - base.length <= 3 && word.startsWith(base)) : undefined;
    const group = home?.group ?? { forms: [], positions: new Set<number>() };
    if (!home) groups.push({ base: word, group });
    group.forms.push({ form: word, count: entry.count, firstPosition: entry.firstPosition, outlier: false });
    for (const position of entry.positions) group.positions.add(position);
  }
  return groups.map(({ group }) => group);
}

/**
 * Fills the cells of versions in other scripts (Russian, Japanese…) that a
 * Latin name's row has none for: the word that stands at the name's positions
 * there (Лейке, ライケ under Leike), found by position alone, as the versions
 * are aligned. A word is taken only when the name occurs at two positions or
 * more, and the two match each other better than anything else (overlap ≥ 0.6,
 * no tie); it must be used mid-sentence somewhere and not already be a form of
 * some row. Its inflected forms count with it.
 */
function addOtherScriptForms(rows: PlacedRow[], versions: readonly CheckVersion[]): void {
  const latinRows = rows.filter((row) => HAS_LATIN.test(row.name) && row.positions.size >= 2);
  const known = new Set(rows.flatMap((row) => Object.values(row.cells).flatMap((cell) => cell.forms.map((f) => f.form))));
  for (const version of versions) {
    if (isLatinVersion(version) || version.isSource) continue;
    const has = new Set(version.segments.map((s) => s.position));
    const groups = wordGroups(version, known);
    const rowPositions = new Map(latinRows.map((row) => [row, present(row.positions, has)]));
    // Each group's best row, and each row's best group: a pair is taken when each is the other's clear best.
    const bestRow = new Map<WordGroup, PlacedRow | null>();
    for (const group of groups) {
      const { best, score } = clearBest(latinRows, (row) => overlap(group.positions, rowPositions.get(row)!));
      bestRow.set(group, score >= MIN_OVERLAP ? best : null);
    }
    for (const row of latinRows) {
      if (row.cells[version.id]) continue;
      const { best } = clearBest(groups, (group) => overlap(group.positions, rowPositions.get(row)!));
      if (!best || bestRow.get(best) !== row) continue;
      row.cells[version.id] = { forms: [...best.forms].sort((a, b) => b.count - a.count || a.firstPosition - b.firstPosition) };
    }
  }
}

/** The item with the highest score above 0; null where none scores above 0 or two share the highest. */
function clearBest<T>(items: Iterable<T>, scoreOf: (item: T) => number): { best: T | null; score: number } {
  let best: T | null = null;
  let score = 0;
  let tied = false;
  for (const item of items) {
    const value = scoreOf(item);
    if (value > score) [best, score, tied] = [item, value, false];
    else if (value === score && value > 0) tied = true;
  }
  return { best: tied ? null : best, score };
}

function present(positions: ReadonlySet<number>, has: ReadonlySet<number>): Set<number> {
  return new Set([...positions].filter((p) => has.has(p)));
}

/** Shared positions over all positions of either (Jaccard). */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const position of a) if (b.has(position)) shared += 1;
  return shared / (a.size + b.size - shared);
}
