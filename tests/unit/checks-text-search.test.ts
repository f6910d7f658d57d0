import { describe, expect, it } from "vitest";
import { hasLookalikeWord, words } from "@/lib/checks/text-chars";
import { functionWordJoins } from "@/lib/checks/text-function-words";
import { wordsAtPosition } from "@/lib/checks/text-positions";
import { sameLookalikeKey } from "@/lib/checks/text-words";
import type { CheckInput, CheckVersion } from "@/lib/checks/types";
import { demoBlocks, type DemoLang } from "./fixtures/demo-article";

// The searches below stand in for tokenising a text; they must find exactly what tokenising finds.
const seedTexts = (lang: DemoLang) => demoBlocks(lang).map((block) => block.text);

/** Strings built from characters that sit on the tokenisers' edges: look-alikes, marks, surrogates, other scripts. */
function tricky(seed: number, alphabet: string[], count: number, maxParts: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * maxParts) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
}

describe("hasLookalikeWord", () => {
  const byTokens = (text: string, word: string) => words(text).some((w) => w.text !== word && sameLookalikeKey(w.text, word));

  it("finds OpenAI for OpenAl, and nothing for a word spelt the same", () => {
    expect(hasLookalikeWord("Sam Altman leitet OpenAI seit 2019.", "OpenAl")).toBe(true);
    expect(hasLookalikeWord("Sam Altman leitet OpenAI seit 2019.", "OpenAI")).toBe(false);
    expect(hasLookalikeWord("Sam Altman leitet OpenAIs Team.", "OpenAl")).toBe(false);
    expect(hasLookalikeWord("ChatGPT", "ChatGPT")).toBe(false);
    expect(hasLookalikeWord("1O0", "lOO")).toBeNull();
  });

  it("agrees with tokenising the text, on the seed article and on edge characters", () => {
    const texts = [...seedTexts("de"), ...seedTexts("en"), ...seedTexts("ru")];
    for (const text of texts) {
      for (const word of ["OpenAI", "OpenAl", "0penAI", "Ilya", "lIya", "GPT4o", "Scale"]) {
        const found = hasLookalikeWord(text, word);
        if (found !== null) expect(found, `${word} in ${text}`).toBe(byTokens(text, word));
      }
    }
    const alphabet = ["l", "I", "1", "|", "O", "0", "o", "p", "e", "n", "A", " ", "\u0301", "-", "中", "д", "𝐀", "\ud835", "'"];
    const haystacks = tricky(11, alphabet, 20_000, 12);
    const needles = tricky(12, alphabet, 20_000, 5);
    for (let i = 0; i < haystacks.length; i++) {
      const found = hasLookalikeWord(haystacks[i], needles[i]);
      if (found !== null) expect(found, JSON.stringify([haystacks[i], needles[i]])).toBe(byTokens(haystacks[i], needles[i]));
    }
  });
});

describe("functionWordJoins", () => {
  const LEADING: Record<string, string[]> = {
    en: ["the", "and", "of", "to", "with", "that", "this", "from", "is", "are", "was", "were"],
    de: ["der", "die", "das", "dem", "den", "des", "und", "oder", "aber", "ist", "sind", "nicht", "dass", "wie", "sich", "eine", "einen", "einem", "einer", "eines", "auch", "noch", "wird", "wurde"],
  };
  // The definition: whole runs of letters, marks and digits, all lower-case letters, opening with a function word and two more letters.
  const byTokens = (text: string, lang: string) =>
    [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)]
      .filter((m) => /^\p{Ll}+$/u.test(m[0]) && LEADING[lang].some((w) => m[0].startsWith(w) && [...m[0].slice(w.length)].length >= 2))
      .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

  it("finds glued function words and leaves words that merely start like one", () => {
    // "then" has one letter after "the", "these" two.
    expect(functionWordJoins("He spoke ofthe plan, then these left.", "en").map((w) => w.text)).toEqual(["ofthe", "these"]);
    expect(functionWordJoins("Die Firma undder Vorstand", "de").map((w) => w.text)).toEqual(["undder"]);
    expect(functionWordJoins("the Theory", "en")).toEqual([]);
    expect(functionWordJoins("ofthe", "ru")).toEqual([]);
  });

  it("agrees with the definition on the seed article and on edge characters", () => {
    for (const lang of ["en", "de"] as const) {
      for (const text of seedTexts(lang)) expect(functionWordJoins(text, lang)).toEqual(byTokens(text, lang));
      const alphabet = ["the", "of", "der", "die", "x", "e", "é", "ß", "A", " ", "-", "1", "\u0301", "𝐚", "𝐀", "\ud835", "д", "ǅ", "ª"];
      for (const text of tricky(lang === "en" ? 21 : 22, alphabet, 20_000, 8)) expect(functionWordJoins(text, lang), JSON.stringify(text)).toEqual(byTokens(text, lang));
    }
  });
});

describe("wordsAtPosition", () => {
  const version = (id: string, texts: string[]): CheckVersion => ({ id, lang: "en", label: id, isSource: false, segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })) });

  it("finds a word in any case in the other versions' texts, as their lower-cased words would", () => {
    const others = (["de", "fr", "ru"] as const).map((lang) => version(lang, seedTexts(lang).slice(0, 40)));
    const me = version("me", others[0].segments.map(() => "x"));
    const input: CheckInput = { version: me, source: null, others, glossary: [], lang: "en", speller: null, shared: new Map() };
    const tricky = ["İstanbul ΣΟΦΙΑ σοφία", "ΟΔΟΣ'Α Straße STRASSE", "Ǆemal ǅemal"];
    others[1].segments[0].text = tricky.join(" ");
    const shortest = Math.min(...others.map((v) => v.segments.length));
    for (let position = 1; position <= shortest; position++) {
      const texts = others.map((v) => v.segments[position - 1].text);
      const lower = new Set(texts.flatMap((text) => words(text).map((w) => w.text.toLowerCase())));
      const here = wordsAtPosition(input, position);
      for (const text of texts) for (const w of words(text)) expect(here.hasLower(w.text.toLowerCase()), w.text).toBe(true);
      for (const probe of ["openai", "the", "und", "istanbul", "i̇stanbul", "σοφια", "οδος", "οδοσ", "straße", "ǆemal", "xyz"]) expect(here.hasLower(probe), probe).toBe(lower.has(probe));
    }
  });
});
