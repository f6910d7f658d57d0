import type { CheckSegment, CheckVersion } from "./types";

const baseLangs = new Map<string, string>();

/** The primary language subtag: "de-CH" → "de". Remembered per tag: the checks ask per segment, and a regex split allocates. */
export function baseLang(tag: string): string {
  let base = baseLangs.get(tag);
  if (base === undefined) {
    base = tag.split(/[-_]/)[0].toLowerCase();
    if (baseLangs.size < 1000) baseLangs.set(tag, base);
  }
  return base;
}

export type Script = "Latin" | "Cyrillic" | "Greek" | "Han" | "Kana" | "Hangul" | "Arabic" | "Hebrew" | "Devanagari" | "Thai" | "Other";

const SCRIPT_TESTS: [Script, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Han", /\p{Script=Han}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
];

/** The script of one letter, or null for digits, punctuation and spaces. */
export function scriptOf(char: string): Script | null {
  if (!/\p{L}/u.test(char)) return null;
  for (const [script, test] of SCRIPT_TESTS) if (test.test(char)) return script;
  return "Other";
}

const NATIVE: Record<string, Script[]> = {
  ru: ["Cyrillic"], uk: ["Cyrillic"], bg: ["Cyrillic"], sr: ["Cyrillic"], be: ["Cyrillic"], mk: ["Cyrillic"], kk: ["Cyrillic"],
  el: ["Greek"],
  ja: ["Han", "Kana"],
  zh: ["Han"],
  ko: ["Hangul", "Han"],
  ar: ["Arabic"], fa: ["Arabic"], ur: ["Arabic"],
  he: ["Hebrew"], yi: ["Hebrew"],
  hi: ["Devanagari"], mr: ["Devanagari"], ne: ["Devanagari"], sa: ["Devanagari"],
  th: ["Thai"],
};

/**
 * Scripts a language is written in. Latin is always allowed: names and
 * brands stay in Latin letters in every language.
 */
export function nativeScripts(lang: string): Set<Script> {
  return new Set<Script>(["Latin", ...(NATIVE[baseLang(lang)] ?? [])]);
}

const RANGES: Record<Exclude<Script, "Latin" | "Other">, string> = {
  Greek: "\\u0370-\\u03ff\\u1f00-\\u1fff",
  Cyrillic: "\\u0400-\\u04ff",
  Hebrew: "\\u0590-\\u05ff",
  Arabic: "\\u0600-\\u06ff",
  Devanagari: "\\u0900-\\u097f",
  Thai: "\\u0e00-\\u0e7f",
  Kana: "\\u3040-\\u30ff",
  Han: "\\u3400-\\u9fff\\uf900-\\ufaff",
  Hangul: "\\u1100-\\u11ff\\uac00-\\ud7af",
};
const foreignLetters = new Map<string, RegExp>();

/** A cheap test for any letter of a script the language does not use (Latin never counts). */
export function foreignScriptTest(lang: string): RegExp {
  const base = baseLang(lang);
  let regex = foreignLetters.get(base);
  if (!regex) {
    const native = nativeScripts(base);
    const ranges = Object.entries(RANGES).filter(([script]) => !native.has(script as Script)).map(([, range]) => range);
    regex = new RegExp(`[${ranges.join("")}]`);
    foreignLetters.set(base, regex);
  }
  return regex;
}

const CJK_LANGS = new Set(["zh", "ja", "ko"]);

export function isCjkLang(lang: string): boolean {
  return CJK_LANGS.has(baseLang(lang));
}

const NOT_WIDE = /[^\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;

/**
 * Length in Latin-letter equivalents: a Han, kana or Hangul character carries
 * about as much content as 2.5 Latin characters.
 */
export function contentLength(text: string): number {
  return text.length + text.replace(NOT_WIDE, "").length * 1.5;
}

/** A version's segments by position, built once per article. */
export function segmentsByPosition(version: CheckVersion, shared: Map<string, unknown>): Map<number, CheckSegment> {
  const key = `lang-scripts:by-position:${version.id}`;
  let map = shared.get(key) as Map<number, CheckSegment> | undefined;
  if (!map) {
    map = new Map(version.segments.map((segment) => [segment.position, segment]));
    shared.set(key, map);
  }
  return map;
}
