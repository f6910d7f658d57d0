import type { CheckInput, CheckVersion } from "./types";
import { allVersions, editDistance, isLatinVersion, lookalikeKey, memo, versionCapitalWords, type Word } from "./text-words";

/** What one version contributes to the article's name index. */
export interface VersionNames {
  version: CheckVersion;
  latin: boolean;
  /** Latin words holding a capital, per position, with offsets (for counting and candidates). */
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
  /** The clusters at a position that enough versions share to set an expectation for any one version. */
  sharedClustersAt(position: number): NameCluster[];
}

function indexVersion(shared: Map<string, unknown>, version: CheckVersion): VersionNames {
  const latin = isLatinVersion(version);
  const words = new Map<number, Word[]>();
  const forms = new Map<number, Map<string, number>>();
  const firstUse = new Map<string, number>();
  const capital = versionCapitalWords(shared, version);
  // In a Latin-script text a name is capitalised where other words are not, so a short first word
  // of a sentence (The, De, La) counts only if the version also capitalises it mid-sentence; longer
  // ones need several versions to agree before they matter. In other scripts every kept Latin word
  // is a name (OpenAI, Sam Altman).
  const midSentence = new Set<string>();
  if (latin) for (const found of capital.values()) for (const w of found) if (w.latin && !w.initial) midSentence.add(w.text);
  for (const [position, found] of capital) {
    const latinHere = found.filter((w) => w.latin);
    words.set(position, latinHere);
    const counts = new Map<string, number>();
    for (const w of latinHere) {
      if (w.text.length < 2 || (latin && w.initial && w.text.length < 4 && !midSentence.has(w.text))) continue;
      counts.set(w.text, (counts.get(w.text) ?? 0) + 1);
      if (!firstUse.has(w.text)) firstUse.set(w.text, position);
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
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2) return null;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la[0] !== lb[0]) return null;
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

interface Building extends NameCluster {
  lower: string;
  key: string;
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
  const clusters: Building[] = [];
  // Clusters by look-alike key and by initial, so a form is compared only with plausible relatives.
  const byKey = new Map<string, Building>();
  const byInitial = new Map<string, Building[]>();
  for (const form of forms) {
    const key = lookalikeKey(form);
    const lower = form.toLowerCase();
    let home = byKey.get(key);
    if (!home && form.length >= 4) {
      for (const c of byInitial.get(lower[0]) ?? []) {
        if (Math.abs(c.lower.length - lower.length) > 2) continue;
        if (isInflectionOf(form, c.rep) || nameDistance(form, c.rep) !== null) {
          home = c;
          break;
        }
      }
    }
    if (!home) {
      home = { rep: form, lower, key, members: new Set(), counts: new Map(), formVoters: new Map() };
      clusters.push(home);
      byKey.set(key, home);
      const list = byInitial.get(lower[0]);
      if (list) list.push(home);
      else byInitial.set(lower[0], [home]);
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
    for (const v of allVersions(input)) versions.set(v.id, indexVersion(input.shared, v));
    const support = new Map<string, number>();
    for (const v of versions.values()) {
      for (const counts of v.forms.values()) for (const form of counts.keys()) support.set(form, (support.get(form) ?? 0) + 1);
    }
    const list = [...versions.values()];
    const clusters = new Map<number, NameCluster[]>();
    const sharedClusters = new Map<number, NameCluster[]>();
    const latinList = list.filter((v) => v.latin);
    return {
      versions,
      support,
      clustersAt(position: number) {
        let found = clusters.get(position);
        if (!found) clusters.set(position, (found = buildClusters(position, list, support)));
        return found;
      },
      sharedClustersAt(position: number) {
        let found = sharedClusters.get(position);
        if (!found) {
          // No version can expect a name fewer versions share than half of its Latin-script peers (and never fewer than two).
          const peers = latinList.filter((v) => v.words.has(position)).length - 1;
          const least = Math.max(2, Math.floor(peers / 2) + 1);
          found = this.clustersAt(position).filter((c) => c.counts.size >= least);
          sharedClusters.set(position, found);
        }
        return found;
      },
    };
  });
}
