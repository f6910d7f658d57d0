import type { CheckInput, CheckVersion } from "./types";
import { allVersions, editDistance, isLatinVersion, lookalikeKey, memo, versionCapitalWords, type CapitalWord, type Word } from "./text-words";

/** What one version contributes to the article's name index. */
export interface VersionNames {
  version: CheckVersion;
  /** Its place among the index's versions: clusters count per version by this number. */
  index: number;
  latin: boolean;
  /** Latin words holding a capital, per position, with offsets (for counting and candidates). */
  words: Map<number, Word[]>;
  /** Name-like forms per position with their counts: the version's vote on how names are spelled there. */
  forms: Map<number, Map<string, number>>;
  /** First position at which the version uses a name-like form (worked out on first ask: only findings need it). */
  firstUse(form: string): number | undefined;
  /** Capitalised Latin words the version writes mid-sentence: they decide which sentence-initial words count as names. */
  midSentence: Set<string>;
  /** A stamp of every form's first position, for caching findings that mention it. */
  firstUseStamp(): string;
}

/** A group of near-identical spellings at one position, led by the best-attested one. */
export interface NameCluster {
  rep: string;
  members: string[];
  /** Occurrences per version (all members together), by VersionNames.index; 0 where a version has none. */
  counts: number[];
  /** How many versions use some member. */
  using: number;
  /** Per member form, the versions using it, by VersionNames.index. */
  formVoters: Map<string, number[]>;
}

/** The clusters at a position that can set an expectation, with what the Latin-script versions there count of each. */
export interface PositionVotes {
  clusters: NameCluster[];
  /** Latin-script versions that have this position. */
  present: number;
  /** Per cluster: its count in each present Latin-script version, ascending (0 where a version lacks it). */
  sortedCounts: number[][];
}

export interface NameIndex {
  versions: Map<string, VersionNames>;
  /** How many (version, position) pairs use each form across the article. */
  support: Map<string, number>;
  /** The clusters at a position that enough versions share to set an expectation for any one version. */
  sharedClustersAt(position: number): NameCluster[];
  /** sharedClustersAt with the counts every version's expectation is a median of, computed once per article. */
  votesAt(position: number): PositionVotes;
  /** A stamp of what the index holds beyond single positions: support counts, scripts and mid-sentence words. */
  stamp(): string;
}

const isLatinWord = (w: CapitalWord) => w.latin;

/** What a text's capital words yield, shared by every version with that text. */
interface TextNames {
  latin: CapitalWord[];
  /** Short sentence-initial words, kept as forms only where their version also writes them mid-sentence. */
  doubtful: string[];
  /** Forms for the first answer asked to "which doubtful words count?" (-1 for a version in another script)… */
  answer: number | string | null;
  counts: Map<string, number> | null;
  /** …and for any other answer (a text rarely gets two): most texts never allocate this map. */
  more: Map<number | string, Map<string, number>> | null;
}

// Shared by the many texts with no Latin capital word or no doubtful word; never added to.
const NO_WORDS: CapitalWord[] = [];
const NO_DOUBTS: string[] = [];
const NO_FORMS = new Map<string, number>();

function textNames(found: CapitalWord[]): TextNames {
  const latin = found.every(isLatinWord) ? found : found.filter(isLatinWord);
  let doubtful = NO_DOUBTS;
  for (const w of latin) {
    if (!w.initial || w.text.length < 2 || w.text.length >= 4 || doubtful.includes(w.text)) continue;
    if (doubtful === NO_DOUBTS) doubtful = [];
    doubtful.push(w.text);
  }
  return { latin: latin.length === 0 ? NO_WORDS : latin, doubtful, answer: null, counts: null, more: null };
}

function formsOf(names: TextNames, latinVersion: boolean, midSentence: Set<string>): Map<string, number> {
  // The answer as a number (bit i: doubtful word i counts) where it fits, else as a string of bits.
  let answer: number | string = -1;
  if (latinVersion) {
    if (names.doubtful.length <= 30) {
      answer = 0;
      for (let i = 0; i < names.doubtful.length; i++) if (midSentence.has(names.doubtful[i])) answer |= 1 << i;
    } else {
      answer = names.doubtful.map((w) => (midSentence.has(w) ? "1" : "0")).join("");
    }
  }
  if (names.answer === answer) return names.counts!;
  let counts = names.more?.get(answer);
  if (!counts) {
    counts = new Map();
    for (const w of names.latin) {
      if (w.text.length < 2 || (latinVersion && w.initial && w.text.length < 4 && !midSentence.has(w.text))) continue;
      counts.set(w.text, (counts.get(w.text) ?? 0) + 1);
    }
    if (counts.size === 0) counts = NO_FORMS;
    if (names.answer === null) {
      names.answer = answer;
      names.counts = counts;
    } else {
      (names.more ??= new Map()).set(answer, counts);
    }
  }
  return counts;
}

function indexVersion(shared: Map<string, unknown>, version: CheckVersion, index: number): VersionNames {
  const latin = isLatinVersion(version);
  // Capital words are shared per distinct text, and so is what they yield here.
  const byText = memo(shared, "names:text-names", () => new Map<CapitalWord[], TextNames>());
  const words = new Map<number, Word[]>();
  const forms = new Map<number, Map<string, number>>();
  const capital = versionCapitalWords(shared, version);
  // In a Latin-script text a name is capitalised where other words are not, so a short first word
  // of a sentence (The, De, La) counts only if the version also capitalises it mid-sentence; longer
  // ones need several versions to agree before they matter. In other scripts every kept Latin word
  // is a name (OpenAI, Sam Altman).
  const midSentence = new Set<string>();
  if (latin) for (const found of new Set(capital.values())) for (const w of found) if (w.latin && !w.initial) midSentence.add(w.text);
  for (const [position, found] of capital) {
    let names = byText.get(found);
    if (!names) byText.set(found, (names = textNames(found)));
    words.set(position, names.latin);
    forms.set(position, formsOf(names, latin, midSentence));
  }
  let firstUse: Map<string, number> | null = null;
  const firstUses = () => {
    if (!firstUse) {
      firstUse = new Map();
      const found = new Map<string, number>();
      forms.forEach((counts, position) =>
        counts.forEach((_, form) => {
          if (!found.has(form)) found.set(form, position);
        }),
      );
      firstUse = found;
    }
    return firstUse;
  };
  return {
    version,
    index,
    latin,
    words,
    forms,
    midSentence,
    firstUse: (form) => firstUses().get(form),
    firstUseStamp() {
      const parts: string[] = [];
      for (const [form, position] of firstUses()) parts.push(`${form}@${position}`);
      return parts.sort().join("\n");
    },
  };
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
  return word.length - name.length <= 2 && word.startsWith(name) && INFLECTIONS.has(word.slice(name.length));
}

const INFLECTIONS = new Set(["", "s", "es", "'s", "’s"]);

/** What clustering needs of a form, worked out once per article: forms recur at many positions. */
interface FormInfo {
  form: string;
  key: string;
  lower: string;
  support: number;
}

/** A cluster while the forms at a position are sorted into clusters. */
interface Building {
  rep: FormInfo;
  members: string[];
  /** Per member, its uses: [version index, count, version index, count, …]. */
  uses: number[][];
}

const bySupport = (a: FormInfo, b: FormInfo) => b.support - a.support || (a.form < b.form ? -1 : 1);

function buildClusters(position: number, versions: VersionNames[], infoOf: (form: string) => FormInfo): Building[] {
  // Versions that share a text share its forms map: walk each map once.
  const holders = new Map<Map<string, number>, number[]>();
  for (const v of versions) {
    const counts = v.forms.get(position);
    if (!counts || counts.size === 0) continue;
    const ids = holders.get(counts);
    if (ids) ids.push(v.index);
    else holders.set(counts, [v.index]);
  }
  // Per form, the versions using it and how often: [index, count, index, count, …].
  const uses = new Map<string, number[]>();
  for (const [counts, ids] of holders) {
    counts.forEach((n, form) => {
      let list = uses.get(form);
      if (!list) uses.set(form, (list = []));
      for (const id of ids) list.push(id, n);
    });
  }
  const forms: FormInfo[] = [];
  for (const form of uses.keys()) forms.push(infoOf(form));
  forms.sort(bySupport);
  const clusters: Building[] = [];
  // Clusters by look-alike key and by initial, so a form is compared only with plausible relatives.
  const byKey = new Map<string, Building>();
  const byInitial = new Map<string, Building[]>();
  for (const info of forms) {
    const { form, lower } = info;
    let home = byKey.get(info.key);
    if (!home && form.length >= 4) {
      for (const c of byInitial.get(lower[0]) ?? []) {
        if (Math.abs(c.rep.lower.length - lower.length) > 2) continue;
        if (isInflectionOf(form, c.rep.form) || nameDistance(form, c.rep.form) !== null) {
          home = c;
          break;
        }
      }
    }
    if (!home) {
      home = { rep: info, members: [], uses: [] };
      clusters.push(home);
      byKey.set(info.key, home);
      const list = byInitial.get(lower[0]);
      if (list) list.push(home);
      else byInitial.set(lower[0], [home]);
    }
    home.members.push(form);
    home.uses.push(uses.get(form)!);
  }
  return clusters;
}

/** A built cluster with its counts per version; only clusters enough versions share get this far. */
function finish(c: Building, versionCount: number): NameCluster {
  const counts = new Array<number>(versionCount).fill(0);
  const formVoters = new Map<string, number[]>();
  let using = 0;
  for (let m = 0; m < c.members.length; m++) {
    const list = c.uses[m];
    const ids: number[] = [];
    for (let i = 0; i < list.length; i += 2) {
      ids.push(list[i]);
      if (counts[list[i]] === 0) using++;
      counts[list[i]] += list[i + 1];
    }
    formVoters.set(c.members[m], ids);
  }
  return { rep: c.rep.form, members: c.members, counts, using, formVoters };
}

/** How many versions use some member of a cluster, counted in `seen` (stamped with `stamp`, so it needs no clearing). */
function versionsUsing(c: Building, seen: Int32Array, stamp: number): number {
  let using = 0;
  for (const list of c.uses) {
    for (let i = 0; i < list.length; i += 2) {
      if (seen[list[i]] === stamp) continue;
      seen[list[i]] = stamp;
      using++;
    }
  }
  return using;
}

/** The article's name index, built once per article and shared by every version's run. */
export function nameIndex(input: CheckInput): NameIndex {
  return memo(input.shared, "names:index", () => {
    const list = allVersions(input).map((v, i) => indexVersion(input.shared, v, i));
    const versions = new Map(list.map((v) => [v.version.id, v]));
    // Versions share forms maps wherever they share a text: count each map once, times its uses.
    const mapUses = new Map<Map<string, number>, number>();
    for (const v of list) v.forms.forEach((counts) => mapUses.set(counts, (mapUses.get(counts) ?? 0) + 1));
    const support = new Map<string, number>();
    mapUses.forEach((n, counts) => counts.forEach((_, form) => support.set(form, (support.get(form) ?? 0) + n)));
    const infos = new Map<string, FormInfo>();
    const infoOf = (form: string) => {
      let info = infos.get(form);
      if (!info) infos.set(form, (info = { form, key: lookalikeKey(form), lower: form.toLowerCase(), support: support.get(form) ?? 0 }));
      return info;
    };
    const latinList = list.filter((v) => v.latin);
    const seen = new Int32Array(list.length);
    let stamp = 0;
    const sharedClusters = new Map<number, NameCluster[]>();
    const votes = new Map<number, PositionVotes>();
    let digest: string | null = null;
    return {
      versions,
      support,
      sharedClustersAt(position: number) {
        let found = sharedClusters.get(position);
        if (!found) {
          // No version can expect a name fewer versions share than half of its Latin-script peers (and never fewer than two).
          const peers = latinList.filter((v) => v.words.has(position)).length - 1;
          const least = Math.max(2, Math.floor(peers / 2) + 1);
          found = [];
          for (const c of buildClusters(position, list, infoOf)) if (versionsUsing(c, seen, ++stamp) >= least) found.push(finish(c, list.length));
          sharedClusters.set(position, found);
        }
        return found;
      },
      votesAt(position: number) {
        let found = votes.get(position);
        if (!found) {
          const present = latinList.filter((v) => v.words.has(position));
          const clusters = this.sharedClustersAt(position);
          const sortedCounts = clusters.map((c) => present.map((v) => c.counts[v.index]).sort((a, b) => a - b));
          votes.set(position, (found = { clusters, present: present.length, sortedCounts }));
        }
        return found;
      },
      stamp() {
        if (digest === null) {
          const parts: string[] = [];
          for (const [form, n] of support) parts.push(`${form}=${n}`);
          parts.sort();
          for (const v of list) parts.push(`${v.version.id}:${v.latin}:${[...v.midSentence].sort().join(" ")}`);
          digest = parts.join("\n");
        }
        return digest;
      },
    };
  });
}
