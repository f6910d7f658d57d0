import type { CheckInput, CheckVersion } from "./types";
import { allVersions, editDistance, isLatinVersion, latinWords, lookalikeKey, memo, startsUpper, type Word } from "./text-words";

/** What one version contributes to the article's name index. */
export interface VersionNames {
  version: CheckVersion;
  latin: boolean;
  /** Latin words per position, with offsets (every word, for counting and candidates). */
  words: Map<number, Word[]>;
  /** Name-like forms per position with their counts: the version's vote on how names are spelled there. */
  forms: Map<number, Map<string, number>>;
  /** First position at which the version uses each name-like form. */
  firstUse: Map<string, number>;
}

/** A group of near-identical spellings at one position, led by the best-attested one. */
export interface NameCluster {
  rep: string;
  members: Set<string>;
  /** Occurrences per version (all members together). */
  counts: Map<string, number>;
  /** Versions per member form. */
  formVoters: Map<string, Set<string>>;
}

export interface NameIndex {
  versions: Map<string, VersionNames>;
  /** How many (version, position) pairs use each form across the article. */
  support: Map<string, number>;
  clustersAt(position: number): NameCluster[];
}

const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const HAS_UPPER = /\p{Lu}/u;

function indexVersion(version: CheckVersion): VersionNames {
  const latin = isLatinVersion(version);
  const words = new Map<number, Word[]>();
  const lower = new Set<string>();
  for (const segment of version.segments) {
    const found = latinWords(segment.text);
    words.set(segment.position, found);
    if (latin) for (const w of found) if (!startsUpper(w.text)) lower.add(w.text);
  }
  const forms = new Map<number, Map<string, number>>();
  const firstUse = new Map<string, number>();
  for (const [position, found] of words) {
    const counts = new Map<string, number>();
    for (const { text } of found) {
      if (text.length < 2 || !/\p{L}/u.test(text)) continue;
      // In a Latin-script text a name carries a capital and is never written in lower case;
      // in other scripts every Latin word is a kept name (OpenAI, Sam Altman).
      if (latin && (!HAS_UPPER.test(text) || (CAPITALISED_WORD.test(text) && lower.has(text.toLowerCase())))) continue;
      counts.set(text, (counts.get(text) ?? 0) + 1);
      if (!firstUse.has(text)) firstUse.set(text, position);
    }
    forms.set(position, counts);
  }
  return { version, latin, words, forms, firstUse };
}

/**
 * How far apart two spellings of one name are, or null when they are not plausibly the same name:
 * same initial, similar length, and beyond one edit the same last letter too (Lake/Leike, Suzkwer/Sutskever).
 */
export function nameDistance(a: string, b: string): number | null {
  if (a.length < 4 || b.length < 4) return null;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la[0] !== lb[0] || Math.abs(la.length - lb.length) > 2) return null;
  const max = Math.floor(0.45 * Math.max(la.length, lb.length));
  const d = editDistance(la, lb, max);
  if (d === 0 || d > max) return null;
  if (d >= 2 && la[la.length - 1] !== lb[lb.length - 1]) return null;
  return d;
}

/** One form is the other with a genitive or plural s (Altmans, OpenAI's → OpenAI). */
export function isInflectionOf(word: string, name: string): boolean {
  return word.startsWith(name) && /^(?:s|es|'s|’s)?$/.test(word.slice(name.length));
}

function buildClusters(position: number, versions: VersionNames[], support: Map<string, number>): NameCluster[] {
  const voters = new Map<string, Map<string, number>>();
  for (const v of versions) {
    const counts = v.forms.get(position);
    if (!counts) continue;
    for (const [form, n] of counts) {
      let byVersion = voters.get(form);
      if (!byVersion) voters.set(form, (byVersion = new Map()));
      byVersion.set(v.version.id, n);
    }
  }
  const forms = [...voters.keys()].sort((a, b) => (support.get(b) ?? 0) - (support.get(a) ?? 0) || (a < b ? -1 : 1));
  const clusters: NameCluster[] = [];
  for (const form of forms) {
    const key = lookalikeKey(form);
    let home = clusters.find(
      (c) => lookalikeKey(c.rep) === key || isInflectionOf(form, c.rep) || nameDistance(form, c.rep) !== null,
    );
    if (!home) {
      home = { rep: form, members: new Set(), counts: new Map(), formVoters: new Map() };
      clusters.push(home);
    }
    home.members.add(form);
    const byVersion = voters.get(form)!;
    home.formVoters.set(form, new Set(byVersion.keys()));
    for (const [id, n] of byVersion) home.counts.set(id, (home.counts.get(id) ?? 0) + n);
  }
  return clusters;
}

/** The article's name index, built once per article and shared by every version's run. */
export function nameIndex(input: CheckInput): NameIndex {
  return memo(input.shared, "names:index", () => {
    const versions = new Map<string, VersionNames>();
    for (const v of allVersions(input)) versions.set(v.id, indexVersion(v));
    const support = new Map<string, number>();
    for (const v of versions.values()) {
      for (const counts of v.forms.values()) for (const form of counts.keys()) support.set(form, (support.get(form) ?? 0) + 1);
    }
    const list = [...versions.values()];
    const clusters = new Map<number, NameCluster[]>();
    return {
      versions,
      support,
      clustersAt(position: number) {
        let found = clusters.get(position);
        if (!found) clusters.set(position, (found = buildClusters(position, list, support)));
        return found;
      },
    };
  });
}
