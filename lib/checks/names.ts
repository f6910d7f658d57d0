import { countOf, isInflectionOf, nameDistance, nameIndex, type NameCluster, type NameIndex, type PositionVotes, type VersionNames } from "./names-index";
import { cachedSpelling } from "./text-spelling";
import { lookalikeKey, startsUpper, type Word } from "./text-words";
import type { Check, CheckInput, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

const CATEGORY = "Accuracy/Mistranslation/Entity";

/** Shanghái and Shanghai are one name: accents are a local convention, not a garble. */
function withoutAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The median (lower middle) of ascending counts, leaving out one occurrence of `without` if given. */
function medianOf(sorted: number[], without: number | null): number {
  const n = sorted.length - (without === null ? 0 : 1);
  if (n <= 0) return 0;
  const k = Math.floor((n - 1) / 2);
  if (without === null) return sorted[k];
  return k < sorted.indexOf(without) ? sorted[k] : sorted[k + 1];
}

/** A difference confined to the last two letters is more often a local form (Institut/Institute) than a garble. */
function onlyEndingDiffers(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) i++;
  return i >= Math.max(a.length, b.length) - 2;
}

/**
 * A German noun written as one word of two the dictionary knows (Testumfeld: Test + Umfeld,
 * Wohlbefinden: Wohl + Befinden, with or without a linking s): dictionaries list few compounds.
 */
function isNounCompound(word: string, spell: (word: string) => boolean): boolean {
  const MIN_PART = 3;
  const MIN_HEAD = 4;
  if (word.length < MIN_PART + MIN_HEAD || !startsUpper(word)) return false;
  for (let cut = MIN_PART; cut <= word.length - MIN_HEAD; cut++) {
    const head = word[cut].toUpperCase() + word.slice(cut + 1);
    if (word[cut] !== word[cut].toLowerCase() || !spell(head)) continue;
    const modifier = word.slice(0, cut);
    if (spell(modifier) || (modifier.endsWith("s") && modifier.length > MIN_PART && spell(modifier.slice(0, -1)))) return true;
  }
  return false;
}

interface Expectation {
  cluster: NameCluster;
  /** Others at this position that use some spelling of the name. */
  voters: number;
  deficit: number;
}

/** Names most other versions use at this position more often than this version does. */
function expectations(position: number, me: VersionNames, votes: PositionVotes): Expectation[] {
  const mePresent = me.words.has(position);
  const others = votes.present - (mePresent ? 1 : 0);
  const needed = Math.max(2, Math.floor(others / 2) + 1);
  const mine = me.words.get(position) ?? [];
  const myForms = me.forms.get(position);
  const out: Expectation[] = [];
  for (let i = 0; i < votes.clusters.length; i++) {
    const cluster = votes.clusters[i];
    const myCount = cluster.counts[me.index];
    const voters = cluster.using - (myCount > 0 ? 1 : 0);
    if (voters < needed) continue;
    // The others' counts: every present version's, less this one's own when it is present.
    const expected = Math.max(1, medianOf(votes.sortedCounts[i], mePresent ? myCount : null));
    // Words spelt exactly like the name count, and are all a version usually has: the scan below is rarely needed.
    if (countOf(myForms, cluster.repId) >= expected) continue;
    let have = 0;
    for (let j = 0; j < mine.length && have < expected; j++) if (mine[j].text.includes(cluster.rep)) have++;
    if (have < expected) out.push({ cluster, voters, deficit: expected - have });
  }
  return out;
}

function votersOf(cluster: NameCluster, form: string, exclude: number): number {
  const at = cluster.members.indexOf(form);
  if (at === -1) return 0;
  const ids = cluster.voters[at];
  return ids.includes(exclude) ? ids.length - 1 : ids.length;
}

interface Match {
  word: Word;
  expectation: Expectation;
  distance: number;
}

/** This version's nearest spelling to an expected name, if it is close enough and less attested than the name. */
function bestMatch(word: Word, expectations: Expectation[], index: NameIndex, me: number): Match | null {
  let best: Match | null = null;
  const initial = word.text[0].toLowerCase();
  for (const expectation of expectations) {
    const { cluster } = expectation;
    const rep = cluster.rep;
    // Cheap shape test first: a garble keeps the initial and roughly the length.
    if (word.text.length < 4 || rep[0].toLowerCase() !== initial || Math.abs(rep.length - word.text.length) > 3) continue;
    if (word.text === rep || isInflectionOf(word.text, rep) || lookalikeKey(word.text) === lookalikeKey(rep)) continue;
    if (withoutAccents(word.text) === withoutAccents(rep)) continue;
    if (votersOf(cluster, word.text, me) >= votersOf(cluster, rep, me)) continue;
    if (index.supportOf(word.text) >= index.supportOf(rep)) continue;
    let distance: number | null = null;
    for (const member of cluster.members) {
      if (member === word.text) continue;
      const d = nameDistance(word.text, member);
      if (d !== null && (distance === null || d < distance)) distance = d;
    }
    if (distance === null) continue;
    if (!best || distance < best.distance) best = { word, expectation, distance };
  }
  return best;
}

function finding(input: CheckInput, position: number, match: Match, me: VersionNames): Finding {
  const expected = match.expectation.cluster.rep;
  const found = match.word.text;
  const elsewhere = me.firstUse(expected);
  const params: Record<string, string | number> = { found, expected, versions: match.expectation.voters };
  let messageId: FindingMessageId = "names.garbled";
  let message = `"${found}" looks like a garbled "${expected}": ${match.expectation.voters} other versions have this name here`;
  if (elsewhere !== undefined && elsewhere !== position) {
    params.elsewhere = elsewhere;
    messageId = "names.garbledElsewhere";
    message += `; this version spells it "${expected}" in segment ${elsewhere}`;
  }
  return {
    checkId: "names",
    position,
    start: match.word.start,
    end: match.word.end,
    level: onlyEndingDiffers(found, expected) ? "warning" : "error",
    message,
    messageId,
    params,
    suggestion: expected,
    mqmCategory: CATEGORY,
  };
}

/**
 * Cross-version names: where most versions agree on a name at a position and this version
 * has fewer of it, its nearest capitalised word of the same shape is probably a garble.
 */
export const namesCheck: Check = {
  id: "names",
  // Support counts, scripts and mid-sentence words across the article, and where this version first uses each form.
  context(input) {
    const index = nameIndex(input);
    return `${index.stamp()}/${index.versions.get(input.version.id)?.firstUseStamp() ?? ""}`;
  },
  run(input) {
    const index = nameIndex(input);
    const me = index.versions.get(input.version.id);
    if (!me || !me.latin) return [];
    const spell = cachedSpelling(input.shared, input.speller);
    const known = (word: string) => spell(word) || (input.lang === "de" && isNounCompound(word, spell));
    const findings: Finding[] = [];
    for (const segment of input.version.segments) {
      const position = segment.position;
      if (!inScope(input, position)) continue;
      const open = expectations(position, me, index.votesAt(position));
      if (open.length === 0) continue;
      const matches: Match[] = [];
      for (const word of me.words.get(position) ?? []) {
        if (!startsUpper(word.text)) continue;
        const match = bestMatch(word, open, index, me.index);
        if (match) matches.push(match);
      }
      if (matches.length === 0) continue;
      if (matches.length > 1) matches.sort((a, b) => a.distance - b.distance || a.word.start - b.word.start);
      const left = new Map(open.map((e) => [e, e.deficit]));
      for (const match of matches) {
        const remaining = left.get(match.expectation) ?? 0;
        if (remaining <= 0) continue;
        // A dictionary word only one letter off is more likely a word of the language than a garble;
        // so is one where the others' form is a word of the language too (German nouns are capitalised:
        // Blüten where most versions say Blumen, or Wohlbefinden for Wohlergehen, is a choice of word).
        if (spell(match.word.text) && match.distance === 1) continue;
        if (known(match.word.text) && known(match.expectation.cluster.rep)) continue;
        left.set(match.expectation, remaining - 1);
        findings.push(finding(input, position, match, me));
      }
    }
    return findings.sort((a, b) => a.position - b.position || a.start - b.start);
  },
};
