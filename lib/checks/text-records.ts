import type { CheckVersion } from "./types";

/**
 * What the checks work out from one distinct text of an article, in numbered slots. Each version's
 * segments find their records once per run (one look-up of the long text per segment); after that
 * a check reads a slot of the record instead of looking the text up in a map of its own. Those
 * look-ups, a hash of the whole text in each of a dozen maps, were about a tenth of a run.
 */
export class TextRecord {
  readonly slots: unknown[];
  constructor(readonly text: string) {
    this.slots = new Array(slotCount);
  }
}

let slotCount = 0;

/** A slot number for one kind of per-text result; taken once, at module level. */
export function textSlot(): number {
  return slotCount++;
}

interface Records {
  /** Records by sampleKey of their text (texts that share a key are told apart in full). */
  byText: Map<number, TextRecord[]>;
  byVersion: Map<CheckVersion, TextRecord[]>;
  byPosition: Map<CheckVersion, Map<number, TextRecord>>;
}

const SHARED_KEY = "text-records";

/**
 * A cheap key for finding a text's record: its length and a few code units from its start, middle
 * and end. A map keyed by the texts themselves would hash every character of every text.
 */
function sampleKey(text: string): number {
  const n = text.length;
  let key = Math.imul(n ^ (n > 0 ? text.charCodeAt(0) : 0), 16777619);
  key = Math.imul(key ^ (n > 0 ? text.charCodeAt(n >> 1) : 0), 16777619);
  for (let at = Math.max(1, n - 4); at < n; at++) key = Math.imul(key ^ text.charCodeAt(at), 16777619);
  return key & 0x3fffffff;
}

function recordOf(byText: Map<number, TextRecord[]>, text: string): TextRecord {
  const key = sampleKey(text);
  const list = byText.get(key);
  if (!list) {
    const record = new TextRecord(text);
    byText.set(key, [record]);
    return record;
  }
  for (const record of list) if (record.text === text) return record;
  const record = new TextRecord(text);
  list.push(record);
  return record;
}

/**
 * The article's records by text after a run, for the next run to start from: only the texts some
 * version of the article still has, so records of edited-away texts do not pile up.
 */
export function keptRecords(shared: Map<string, unknown>, versions: readonly CheckVersion[]): Map<number, TextRecord[]> {
  const kept = new Map<number, TextRecord[]>();
  const seen = new Set<TextRecord>();
  for (const version of versions) {
    for (const record of textRecords(shared, version)) {
      if (seen.has(record)) continue;
      seen.add(record);
      const key = sampleKey(record.text);
      const list = kept.get(key);
      if (list) list.push(record);
      else kept.set(key, [record]);
    }
  }
  return kept;
}

/**
 * Starts a run's records from an earlier run's (keptRecords): what the checks worked out from a text
 * that has not changed is reused. Only for a run whose glossary, spellers and versions' languages are
 * those of the earlier run (CheckState's stamp): records hold results of the text and those alone.
 */
export function seedRecords(shared: Map<string, unknown>, earlier: Map<number, TextRecord[]>): void {
  shared.set(SHARED_KEY, { byText: new Map([...earlier].map(([key, list]) => [key, [...list]])), byVersion: new Map(), byPosition: new Map() } satisfies Records);
}

/** The records of a version's segments, in the order of version.segments; one per distinct text of the article. */
export function textRecords(shared: Map<string, unknown>, version: CheckVersion): TextRecord[] {
  let records = shared.get(SHARED_KEY) as Records | undefined;
  if (!records) shared.set(SHARED_KEY, (records = { byText: new Map(), byVersion: new Map(), byPosition: new Map() }));
  let list = records.byVersion.get(version);
  if (!list) {
    const { byText } = records;
    list = version.segments.map(({ text }) => recordOf(byText, text));
    records.byVersion.set(version, list);
  }
  return list;
}

/** The record of a version's segment at a position, or undefined where the version lacks it. */
export function recordAt(shared: Map<string, unknown>, version: CheckVersion, position: number): TextRecord | undefined {
  const list = textRecords(shared, version);
  const { byPosition } = shared.get(SHARED_KEY) as Records;
  let map = byPosition.get(version);
  if (!map) byPosition.set(version, (map = new Map(version.segments.map((s, i) => [s.position, list[i]]))));
  return map.get(position);
}

/** A per-text result that depends on the text alone, worked out on first ask. */
export function slotValue<T>(record: TextRecord, slot: number, compute: (text: string) => T): T {
  let value = record.slots[slot] as T | undefined;
  if (value === undefined) record.slots[slot] = value = compute(record.text);
  return value;
}

/**
 * A per-text result that also depends on a few small keys (a language, a flag, another record),
 * compared by identity. Kept in the text's slot as runs of [keys…, value]: a text nearly always
 * sees one set of keys in a run, so the list stays short.
 */
export function slotMemo<T>(record: TextRecord, slot: number, keys: readonly unknown[], compute: (text: string) => T): T {
  const runs = record.slots[slot] as unknown[] | undefined;
  const n = keys.length;
  if (runs === undefined) {
    const value = compute(record.text);
    record.slots[slot] = firstRun(keys, value);
    return value;
  }
  search: for (let at = 0; at < runs.length; at += n + 1) {
    for (let k = 0; k < n; k++) if (runs[at + k] !== keys[k]) continue search;
    return runs[at + n] as T;
  }
  const value = compute(record.text);
  for (let k = 0; k < n; k++) runs.push(keys[k]);
  runs.push(value);
  return value;
}

/**
 * [keys…, value] in an array of exactly that length: an array grown by push holds room for 16 or
 * more, and these live as long as the run, on nearly every text (young-generation GC copies them).
 */
function firstRun(keys: readonly unknown[], value: unknown): unknown[] {
  const run = new Array<unknown>(keys.length + 1);
  for (let k = 0; k < keys.length; k++) run[k] = keys[k];
  run[keys.length] = value;
  return run;
}
