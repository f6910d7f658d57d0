import fs from "node:fs";
import path from "node:path";
import nspell from "nspell";
import { describe, expect, it } from "vitest";
import { packSpellerNow } from "@/lib/checks/text-compact-speller";

// A small dictionary that uses every flag nspell's `correct` reads.
const AFF = [
  "SET UTF-8",
  "FORBIDDENWORD !",
  "KEEPCASE K",
  "ONLYINCOMPOUND O",
  "COMPOUNDMIN 1",
  "COMPOUNDRULE 1",
  "COMPOUNDRULE nm",
  "ICONV 1",
  "ICONV ’ '",
  "SFX S Y 1",
  "SFX S 0 s .",
  "",
].join("\n");
const DIC = ["7", "house/S", "Paris", "iPhone/K", "houses/!", "teil/O", "1/n", "th/m", "don't", ""].join("\n");

const WORDS = [
  "house", "House", "HOUSE", "houses", "Houses", "HOUSES", "Paris", "paris", "PARIS", "iPhone", "iphone", "IPHONE", "Iphone",
  "teil", "Teil", "1th", "11th", "th", "don't", "don’t", "DON'T", "  house  ", "", " ", "constructor", "__proto__", "toString",
];

describe("packed speller", () => {
  it("answers exactly as nspell for forbidden, keep-case, compound-only and compound-rule words, case variants and conversions", () => {
    const reference = nspell(AFF, DIC);
    const packed = packSpellerNow(nspell(AFF, DIC));
    const answers = WORDS.map((word) => [word, packed.correct(word)]);
    expect(answers).toEqual(WORDS.map((word) => [word, reference.correct(word)]));
    // The cases that make the flags matter, spelled out.
    expect(packed.correct("houses")).toBe(false); // forbidden, though the suffix rule makes it
    expect(packed.correct("IPHONE")).toBe(false); // keep case
    expect(packed.correct("teil")).toBe(false); // only inside compounds
    expect(packed.correct("11th")).toBe(true); // compound rule
    expect(packed.correct("don’t")).toBe(true); // input conversion
    expect(packed.correct("PARIS")).toBe(true); // upper case read as sentence case
  });

  it("agrees with nspell on the English dictionary over the seed article's words in four casings", () => {
    const dir = path.join(process.cwd(), "node_modules", "dictionary-en");
    const aff = fs.readFileSync(path.join(dir, "index.aff"));
    const dic = fs.readFileSync(path.join(dir, "index.dic"));
    const reference = nspell(aff, dic);
    const packed = packSpellerNow(nspell(aff, dic));
    const text = fs.readFileSync(path.join(process.cwd(), "prisma/seed-data/en.txt"), "utf8");
    const words = [...new Set(text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean))];
    const probes = words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
    const differing = probes.filter((word) => packed.correct(word) !== reference.correct(word));
    expect(differing).toEqual([]);
    expect(probes.filter((word) => packed.correct(word)).length).toBeGreaterThan(probes.length / 2);
  });
});
