import type { CheckInput, CheckVersion } from "./types";
import { allVersions, editDistance, isLatinVersion, lookalikeKey, memo, sharedMap, versionCapitalWords, type CapitalWord, type Word } from "./text-words";

/** What one version contributes to the article's name index. */
export interface VersionNames {
  version: CheckVersion;
  /** Its place among the index's versions: clusters count per version by this number. */
  index: number;
  latin: boolean;
  /** Latin words holding a capital, per position, with offsets (for counting and candidates). */
  words: Map<number, Word[]>;
  /** Name-like forms per position with their counts: the version's vote on how names are spelled there. */
  forms: Map<number, FormCounts>;
  /** First position at which the version uses a name-like form (worked out on first ask: only findings need it). */
  firstUse(form: string): number | undefined;
  /** Capitalised Latin words the version writes mid-sentence: they decide which sentence-initial words count as names. */
  midSentence: Set<string>;
  /** A stamp of every form's first position, for caching findings that mention it. */
  firstUseStamp(): string;
}

/**
 * Forms with their counts as [form id, count, form id, count, …], in order of first use: the index
 * numbers the article's forms (see NameIndex.formId) and counts in arrays instead of maps keyed by strings.
 */
export type FormCounts = readonly number[];

/** How often the counts hold a form, by its id. */
export function countOf(counts: FormCounts | undefined, id: number): number {
  if (counts) for (let k = 0; k < counts.length; k += 2) if (counts[k] === id) return counts[k + 1];
  return 0;
}

/** A group of near-identical spellings at one position, led by the best-attested one. */
export interface NameCluster {
  rep: string;
  /** The rep's form id. */
  repId: number;
  members: string[];
  /** Occurrences per version (all members together), by VersionNames.index; 0 where a version has none. */
  counts: number[];
  /** How many versions use some member. */
  using: number;
  /** Per member (in the order of members), the versions using it, by VersionNames.index. A map per cluster cost more than a search of its few members. */
  voters: number[][];
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
  /** How many (version, position) pairs use a form across the article. */
  supportOf(form: string): number;
  /** The clusters at a position that enough versions share to set an expectation for any one version. */
  sharedClustersAt(position: number): NameCluster[];
  /** sharedClustersAt with the counts every version's expectation is a median of, computed once per article. */
  votesAt(position: number): PositionVotes;
  /** A stamp of what the index holds beyond single positions: support counts, scripts and mid-sentence words. */
  stamp(): string;
}

/** Every form of the article gets a number, in order of first sight. */
interface FormTable {
  ids: Map<string, number>;
  forms: string[];
}

function formId(table: FormTable, form: string): number {
  let id = table.ids.get(form);
  if (id === undefined) {
    id = table.forms.length;
    table.ids.set(form, id);
    table.forms.push(form);
  }
  return id;
}

/** What a text's capital words yield, shared by every version with that text. */
interface TextNames {
  latin: CapitalWord[];
  /** The form id of each Latin word. */
  ids: number[];
  /** Short sentence-initial words, kept as forms only where their version also writes them mid-sentence. */
  doubtful: string[];
  /** Forms for the first answer asked to "which doubtful words count?" (-1 for a version in another script)… */
  answer: number | string | null;
  counts: FormCounts | null;
  /** …and for any other answer (a text rarely gets two): most texts never allocate this map. */
  more: Map<number | string, FormCounts> | null;
}

// Shared by the many texts with no Latin capital word or no doubtful word; never added to.
const NO_WORDS: CapitalWord[] = [];
const NO_DOUBTS: string[] = [];
const NO_IDS: number[] = [];
const NO_FORMS: FormCounts = [];

function textNames(found: CapitalWord[], table: FormTable): TextNames {
  const latin = latinOnly(found);
  const ids = latin.length === 0 ? NO_IDS : new Array<number>(latin.length);
  for (let i = 0; i < latin.length; i++) ids[i] = formId(table, latin[i].text);
  let doubtful = NO_DOUBTS;
  for (const w of latin) {
    if (!w.initial || w.text.length < 2 || w.text.length >= 4 || doubtful.includes(w.text)) continue;
    if (doubtful === NO_DOUBTS) doubtful = [];
    doubtful.push(w.text);
  }
  // An exact-size copy: it lives as long as the run, and a list grown by push keeps spare room.
  return { latin, ids, doubtful: doubtful === NO_DOUBTS ? doubtful : doubtful.slice(), answer: null, counts: null, more: null };
}

/** The Latin words of a list: the list itself when all are, else an exact-size list of them (NO_WORDS when none). */
function latinOnly(found: CapitalWord[]): CapitalWord[] {
  let n = 0;
  for (const w of found) if (w.latin) n++;
  if (n === found.length) return found.length === 0 ? NO_WORDS : found;
  if (n === 0) return NO_WORDS;
  const latin = new Array<CapitalWord>(n);
  let k = 0;
  for (const w of found) if (w.latin) latin[k++] = w;
  return latin;
}

// Per form id, where its count sits in the counts being built (valid where slotMark[id] === slotStamp).
let slotMark = new Int32Array(1024);
let slotAt = new Int32Array(1024);
let slotStamp = 0;

/** Room for form ids below `size` in the slot arrays, which start a new stamp. */
function freshSlots(size: number): number {
  if (slotMark.length < size) {
    slotMark = new Int32Array(Math.max(size, 2 * slotMark.length));
    slotAt = new Int32Array(slotMark.length);
    slotStamp = 0;
  }
  if (slotStamp === 0x7fffffff) {
    slotMark.fill(0);
    slotStamp = 0;
  }
  return ++slotStamp;
}

// Counts being built (written by index: setting length to 0 would drop the room), copied out at their
// exact length: one list per text lives as long as the run.
const countsScratch: number[] = [];

function countForms(names: TextNames, latinVersion: boolean, midSentence: Set<string>, formCount: number): FormCounts {
  const counts = countsScratch;
  let size = 0;
  const stamp = freshSlots(formCount);
  for (let i = 0; i < names.latin.length; i++) {
    const w = names.latin[i];
    if (w.text.length < 2 || (latinVersion && w.initial && w.text.length < 4 && !midSentence.has(w.text))) continue;
    const id = names.ids[i];
    if (slotMark[id] === stamp) {
      counts[slotAt[id] + 1]++;
    } else {
      slotMark[id] = stamp;
      slotAt[id] = size;
      counts[size++] = id;
      counts[size++] = 1;
    }
  }
  return size === 0 ? NO_FORMS : counts.slice(0, size);
}

function formsOf(names: TextNames, latinVersion: boolean, midSentence: Set<string>, formCount: number): FormCounts {
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
    counts = countForms(names, latinVersion, midSentence, formCount);
    if (names.answer === null) {
      names.answer = answer;
      names.counts = counts;
    } else {
      (names.more ??= new Map()).set(answer, counts);
    }
  }
  return counts;
}

/** Adds a text's capitalised Latin words that do not open a sentence (adding a text twice changes nothing). */
function addMidSentence(found: CapitalWord[], midSentence: Set<string>): void {
  for (const w of found) if (w.latin && !w.initial) midSentence.add(w.text);
}

function indexVersion(shared: Map<string, unknown>, version: CheckVersion, index: number, table: FormTable): VersionNames {
  const latin = isLatinVersion(version);
  // Capital words are shared per distinct text, and so is what they yield here.
  const byText = sharedMap<CapitalWord[], TextNames>(shared, "names:text-names");
  const words = new Map<number, Word[]>();
  const forms = new Map<number, FormCounts>();
  const capital = versionCapitalWords(shared, version);
  // In a Latin-script text a name is capitalised where other words are not, so a short first word
  // of a sentence (The, De, La) counts only if the version also capitalises it mid-sentence; longer
  // ones need several versions to agree before they matter. In other scripts every kept Latin word
  // is a name (OpenAI, Sam Altman).
  const midSentence = new Set<string>();
  if (latin) capital.forEach((found) => addMidSentence(found, midSentence));
  capital.forEach((found, position) => {
    let names = byText.get(found);
    if (!names) byText.set(found, (names = textNames(found, table)));
    words.set(position, names.latin);
    forms.set(position, formsOf(names, latin, midSentence, table.forms.length));
  });
  // Per form id, the first position that uses it.
  let firstUse: Map<number, number> | null = null;
  const firstUses = () => {
    if (!firstUse) {
      const found = new Map<number, number>();
      forms.forEach((counts, position) => {
        for (let k = 0; k < counts.length; k += 2) if (!found.has(counts[k])) found.set(counts[k], position);
      });
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
    firstUse(form) {
      const id = table.ids.get(form);
      return id === undefined ? undefined : firstUses().get(id);
    },
    firstUseStamp() {
      const parts: string[] = [];
      for (const [id, position] of firstUses()) parts.push(`${table.forms[id]}@${position}`);
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

/** What clustering needs of the article's forms, by form id, worked out once: forms recur at many positions. */
interface FormFacts {
  forms: string[];
  support: Int32Array;
  /** A number per look-alike key. */
  key: Int32Array;
  /** The lower-case form's first code unit and length. */
  initial: Int32Array;
  lowerLength: Int32Array;
}

function formFacts(forms: string[], support: Int32Array): FormFacts {
  const keys = new Map<string, number>();
  const key = new Int32Array(forms.length);
  const initial = new Int32Array(forms.length);
  const lowerLength = new Int32Array(forms.length);
  for (let id = 0; id < forms.length; id++) {
    const k = lookalikeKey(forms[id]);
    let n = keys.get(k);
    if (n === undefined) keys.set(k, (n = keys.size));
    key[id] = n;
    const lower = forms[id].toLowerCase();
    initial[id] = lower.charCodeAt(0);
    lowerLength[id] = lower.length;
  }
  return { forms, support, key, initial, lowerLength };
}

/**
 * The clusters of one position while they are built, in typed arrays reused from position to position
 * (a position has some fifty forms, and lists per form and cluster were most of what a run allocated).
 * Forms at the position are numbered 0, 1, … in order of first sight; their uses and a cluster's
 * members are linked lists in insertion order.
 */
class PositionClusters {
  /** Per local form: its form id, first and last use, next member of its cluster. */
  formId = new Int32Array(64);
  useHead = new Int32Array(64);
  useTail = new Int32Array(64);
  nextMember = new Int32Array(64);
  forms = 0;
  /** Per use: the version's index, its count and the form's next use. */
  useVersion = new Int32Array(256);
  useCount = new Int32Array(256);
  nextUse = new Int32Array(256);
  uses = 0;
  /** Per cluster: its rep (a local form) and its first and last member. */
  rep = new Int32Array(64);
  memberHead = new Int32Array(64);
  memberTail = new Int32Array(64);
  clusters = 0;

  addForm(id: number): number {
    if (this.forms === this.formId.length) {
      this.formId = grown(this.formId);
      this.useHead = grown(this.useHead);
      this.useTail = grown(this.useTail);
      this.nextMember = grown(this.nextMember);
    }
    const local = this.forms++;
    this.formId[local] = id;
    this.useHead[local] = -1;
    return local;
  }

  addUse(local: number, version: number, count: number): void {
    if (this.uses === this.useVersion.length) {
      this.useVersion = grown(this.useVersion);
      this.useCount = grown(this.useCount);
      this.nextUse = grown(this.nextUse);
    }
    const use = this.uses++;
    this.useVersion[use] = version;
    this.useCount[use] = count;
    this.nextUse[use] = -1;
    if (this.useHead[local] === -1) this.useHead[local] = use;
    else this.nextUse[this.useTail[local]] = use;
    this.useTail[local] = use;
  }

  addCluster(rep: number): number {
    if (this.clusters === this.rep.length) {
      this.rep = grown(this.rep);
      this.memberHead = grown(this.memberHead);
      this.memberTail = grown(this.memberTail);
    }
    const c = this.clusters++;
    this.rep[c] = rep;
    this.memberHead[c] = -1;
    return c;
  }

  addMember(c: number, local: number): void {
    this.nextMember[local] = -1;
    if (this.memberHead[c] === -1) this.memberHead[c] = local;
    else this.nextMember[this.memberTail[c]] = local;
    this.memberTail[c] = local;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}

const scratch = new PositionClusters();
// Local forms in clustering order, reused.
const order: number[] = [];

// Per look-alike key number, the cluster holding it at the position being clustered (valid where keyMark is the stamp).
let keyMark = new Int32Array(1024);
let keyHome = new Int32Array(1024);
let keyStamp = 0;

/** Sorts the position's forms into clusters, in scratch: the best-attested form first, each joining the first cluster it resembles. */
function buildClusters(position: number, versions: VersionNames[], facts: FormFacts): PositionClusters {
  const { forms, support, key, initial, lowerLength } = facts;
  const at = scratch;
  at.forms = 0;
  at.uses = 0;
  at.clusters = 0;
  const stamp = freshSlots(forms.length);
  for (const v of versions) {
    const counts = v.forms.get(position);
    if (!counts) continue;
    for (let k = 0; k < counts.length; k += 2) {
      const id = counts[k];
      if (slotMark[id] !== stamp) {
        slotMark[id] = stamp;
        slotAt[id] = at.addForm(id);
      }
      at.addUse(slotAt[id], v.index, counts[k + 1]);
    }
  }
  // Best supported first, then in code-unit order: a total order, sorted in place (a position has few forms).
  order.length = at.forms;
  for (let i = 0; i < at.forms; i++) {
    const id = at.formId[i];
    let j = i;
    for (; j > 0; j--) {
      const other = at.formId[order[j - 1]];
      if (support[other] - support[id] < 0 || (support[other] === support[id] && forms[other] > forms[id])) order[j] = order[j - 1];
      else break;
    }
    order[j] = i;
  }
  if (keyMark.length < forms.length) {
    keyMark = new Int32Array(Math.max(forms.length, 2 * keyMark.length));
    keyHome = new Int32Array(keyMark.length);
    keyStamp = 0;
  }
  if (keyStamp === 0x7fffffff) {
    keyMark.fill(0);
    keyStamp = 0;
  }
  const round = ++keyStamp;
  // Clusters by look-alike key and by initial, so a form is compared only with plausible relatives.
  for (const local of order) {
    const id = at.formId[local];
    const form = forms[id];
    let home = keyMark[key[id]] === round ? keyHome[key[id]] : -1;
    if (home === -1 && form.length >= 4) {
      for (let c = 0; c < at.clusters; c++) {
        const rep = at.formId[at.rep[c]];
        if (initial[rep] !== initial[id] || Math.abs(lowerLength[rep] - lowerLength[id]) > 2) continue;
        if (isInflectionOf(form, forms[rep]) || nameDistance(form, forms[rep]) !== null) {
          home = c;
          break;
        }
      }
    }
    if (home === -1) {
      home = at.addCluster(local);
      keyMark[key[id]] = round;
      keyHome[key[id]] = home;
    }
    at.addMember(home, local);
  }
  return at;
}

/** A built cluster with its counts per version; only clusters enough versions share get this far. */
function finish(at: PositionClusters, c: number, versionCount: number, forms: string[]): NameCluster {
  const counts = new Array<number>(versionCount).fill(0);
  // Sized up front: the lists live as long as the run, and a list grown by push keeps room for 16 or more.
  let size = 0;
  for (let m = at.memberHead[c]; m !== -1; m = at.nextMember[m]) size++;
  const members = new Array<string>(size);
  const voters = new Array<number[]>(size);
  let using = 0;
  let i = 0;
  for (let m = at.memberHead[c]; m !== -1; m = at.nextMember[m], i++) {
    const ids = new Array<number>(usesOf(at, m));
    let k = 0;
    for (let u = at.useHead[m]; u !== -1; u = at.nextUse[u]) {
      const v = at.useVersion[u];
      ids[k++] = v;
      if (counts[v] === 0) using++;
      counts[v] += at.useCount[u];
    }
    members[i] = forms[at.formId[m]];
    voters[i] = ids;
  }
  const rep = at.formId[at.rep[c]];
  return { rep: forms[rep], repId: rep, members, counts, using, voters };
}

/** How many versions use a local form (the length of its list of uses). */
function usesOf(at: PositionClusters, local: number): number {
  let n = 0;
  for (let u = at.useHead[local]; u !== -1; u = at.nextUse[u]) n++;
  return n;
}

/** How many versions use some member of a cluster, counted in `seen` (stamped with `stamp`, so it needs no clearing). */
function versionsUsing(at: PositionClusters, c: number, seen: Int32Array, stamp: number): number {
  let using = 0;
  for (let m = at.memberHead[c]; m !== -1; m = at.nextMember[m]) {
    for (let u = at.useHead[m]; u !== -1; u = at.nextUse[u]) {
      const v = at.useVersion[u];
      if (seen[v] === stamp) continue;
      seen[v] = stamp;
      using++;
    }
  }
  return using;
}

/** Sorts a short list of counts in place (an insertion sort allocates nothing). */
function ascending(values: number[]): number[] {
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    let j = i;
    for (; j > 0 && values[j - 1] > value; j--) values[j] = values[j - 1];
    values[j] = value;
  }
  return values;
}

/** The article's name index, built once per article and shared by every version's run. */
export function nameIndex(input: CheckInput): NameIndex {
  return memo(input.shared, "names:index", () => {
    const table: FormTable = memo(input.shared, "names:forms", () => ({ ids: new Map<string, number>(), forms: [] }));
    const list = allVersions(input).map((v, i) => indexVersion(input.shared, v, i, table));
    const versions = new Map(list.map((v) => [v.version.id, v]));
    // Versions share counts wherever they share a text: count each list once, times its uses.
    const listUses = new Map<FormCounts, number>();
    for (const v of list) v.forms.forEach((counts) => listUses.set(counts, (listUses.get(counts) ?? 0) + 1));
    const support = new Int32Array(table.forms.length);
    listUses.forEach((n, counts) => {
      for (let k = 0; k < counts.length; k += 2) support[counts[k]] += n;
    });
    let facts: FormFacts | null = null;
    const latinList = list.filter((v) => v.latin);
    const seen = new Int32Array(list.length);
    let stamp = 0;
    const sharedClusters = new Map<number, NameCluster[]>();
    const votes = new Map<number, PositionVotes>();
    let digest: string | null = null;
    return {
      versions,
      supportOf(form: string) {
        const id = table.ids.get(form);
        return id === undefined ? 0 : support[id];
      },
      sharedClustersAt(position: number) {
        let found = sharedClusters.get(position);
        if (!found) {
          facts ??= formFacts(table.forms, support);
          // No version can expect a name fewer versions share than half of its Latin-script peers (and never fewer than two).
          const peers = latinList.filter((v) => v.words.has(position)).length - 1;
          const least = Math.max(2, Math.floor(peers / 2) + 1);
          found = [];
          const at = buildClusters(position, list, facts);
          for (let c = 0; c < at.clusters; c++) if (versionsUsing(at, c, seen, ++stamp) >= least) found.push(finish(at, c, list.length, table.forms));
          sharedClusters.set(position, found);
        }
        return found;
      },
      votesAt(position: number) {
        let found = votes.get(position);
        if (!found) {
          const present = latinList.filter((v) => v.words.has(position));
          const clusters = this.sharedClustersAt(position);
          const sortedCounts = clusters.map((c) => ascending(present.map((v) => c.counts[v.index])));
          votes.set(position, (found = { clusters, present: present.length, sortedCounts }));
        }
        return found;
      },
      stamp() {
        if (digest === null) {
          const parts: string[] = [];
          for (let id = 0; id < support.length; id++) if (support[id] > 0) parts.push(`${table.forms[id]}=${support[id]}`);
          parts.sort();
          for (const v of list) parts.push(`${v.version.id}:${v.latin}:${[...v.midSentence].sort().join(" ")}`);
          digest = parts.join("\n");
        }
        return digest;
      },
    };
  });
}
