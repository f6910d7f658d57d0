import { readFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import nspell from "nspell";
import type { Speller } from "../checks";
import { packSpeller } from "../checks/text-compact-speller";

/** Languages with a dictionary-* package installed. */
export const SPELLING_LANGUAGES = ["de", "en", "fr", "es"] as const;

// Dictionary lines parsed per turn of the event loop: nspell expands affixes as
// it reads, and French takes tens of seconds in all, so the server keeps
// answering requests while a dictionary loads. Small turns, and one dictionary
// at a time: every await of a request waits for at most one turn.
const LINES_PER_TURN = 1000;
const FORMS_PER_TURN = 25_000;

// Dictionaries load one after another.
let loading: Promise<void> = Promise.resolve();

interface Entry {
  speller: Speller | null;
  ready: Promise<void>;
  failed: boolean;
}

const entries = new Map<string, Entry>();
const readyListeners = new Set<(lang: string) => void>();

/** Calls `listener` each time a dictionary finishes loading (the checks' results then change). */
export function onSpellerReady(listener: (lang: string) => void): void {
  readyListeners.add(listener);
}

async function load(lang: string, entry: Entry): Promise<void> {
  const dir = path.join(process.cwd(), "node_modules", `dictionary-${lang}`);
  const [aff, dic] = await Promise.all([readFile(path.join(dir, "index.aff")), readFile(path.join(dir, "index.dic"), "utf8")]);
  const spell = nspell(aff);
  // nspell turns compound rules into expressions after each dictionary call;
  // give every call the rules as written so that the last one builds them whole.
  const internals = spell as unknown as { compoundRules: unknown[] };
  const rules = [...internals.compoundRules];
  const lines = dic.split("\n").slice(1);
  for (let at = 0; at < lines.length; at += LINES_PER_TURN) {
    internals.compoundRules = [...rules];
    // The first line of a dictionary chunk is its (ignored) word count.
    spell.dictionary(`0\n${lines.slice(at, at + LINES_PER_TURN).join("\n")}`);
    await nextTurn();
  }
  // Packed, the forms leave the JavaScript heap, and the nspell instance goes with the next collection.
  const packing = packSpeller(spell, FORMS_PER_TURN);
  for (let step = packing.next(); ; step = packing.next()) {
    if (step.done) {
      entry.speller = step.value;
      for (const listener of readyListeners) listener(lang);
      return;
    }
    await nextTurn();
  }
}

/** VERSO_DICTIONARIES limits which dictionaries load (comma-separated; "none" for none); all by default. */
function enabled(lang: string): boolean {
  const setting = process.env.VERSO_DICTIONARIES?.trim();
  const allowed: readonly string[] = setting ? setting.split(",").map((s) => s.trim().toLowerCase()) : SPELLING_LANGUAGES;
  return (SPELLING_LANGUAGES as readonly string[]).includes(lang) && allowed.includes(lang);
}

function entryFor(lang: string): Entry | null {
  if (!enabled(lang)) return null;
  let entry = entries.get(lang);
  if (!entry) {
    const created: Entry = { speller: null, ready: Promise.resolve(), failed: false };
    created.ready = loading = loading.then(() =>
      load(lang, created).catch((error: unknown) => {
        created.failed = true;
        console.error(`the ${lang} spelling dictionary could not be loaded; checks run without it`, error);
      }),
    );
    entries.set(lang, created);
    entry = created;
  }
  return entry;
}

/**
 * The speller for a language once it is loaded, else null: the first call
 * starts loading it in the background, and checks meanwhile run without it.
 */
export function spellerIfReady(lang: string): Speller | null {
  return entryFor(lang)?.speller ?? null;
}

/** Waits until the dictionaries of these languages are loaded (or failed): for the CLI and tests. */
export async function spellersReady(langs: readonly string[]): Promise<void> {
  await Promise.all(langs.map((lang) => entryFor(lang)?.ready));
}

/** Which dictionaries are loaded: part of the checks' cache key, so results refresh once one arrives. */
export function spellerStamp(): string {
  return [...entries].filter(([, e]) => e.speller).map(([lang]) => lang).sort().join(",");
}
