import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { segmentText } from "@/lib/text";

const SEED_DIR = path.resolve(__dirname, "../../prisma/seed-data");
const GERMAN = path.join(SEED_DIR, "000_fd11f6bd83abf008.txt");
const SHARED_SEED = path.resolve(__dirname, "../../../shared/seeds/000_fd11f6bd83abf008.txt");

const german = fs.readFileSync(GERMAN, "utf8");
const segments = segmentText(german, "txt");

describe("segmentation of the German seed article", () => {
  it("finds 38 segments: 3 site lines, the title, 4 headings and 30 paragraphs", () => {
    expect(segments).toHaveLength(38);
    const count = (kind: string) => segments.filter((s) => s.kind === kind).length;
    expect({ meta: count("meta"), title: count("title"), heading: count("heading"), paragraph: count("paragraph") }).toEqual({
      meta: 3,
      title: 1,
      heading: 4,
      paragraph: 30,
    });
  });

  it("takes the site section, date and language bar as site lines around the title", () => {
    expect(segments.slice(0, 4).map((s) => [s.kind, s.text.slice(0, 12)])).toEqual([
      ["meta", "Nachricht"],
      ["title", "OpenAI steht"],
      ["meta", "2024-08-19"],
      ["meta", "한어Русский яз"],
    ]);
  });

  it("detects the four section headings as headings", () => {
    expect(segments.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual([
      "Geben Sie diese Signale frei",
      "„Rebel“ eröffnet eine neue Ära",
      "Sicherheit ist ein Thema, an dem OpenAI nicht vorbeikommt",
      "ChallengerAnthropic",
    ]);
  });

  it("keeps 'Anschließend kündigte Suzkwer …' as one paragraph, byte for byte", () => {
    const line = german.split("\n").find((l) => l.startsWith("Anschließend kündigte Suzkwer"))!;
    const matches = segments.filter((s) => s.text.includes("Anschließend kündigte Suzkwer"));
    expect(matches).toHaveLength(1);
    expect(matches[0].kind).toBe("paragraph");
    expect(Buffer.from(matches[0].text, "utf8").equals(Buffer.from(line, "utf8"))).toBe(true);
    expect(matches[0].text.endsWith("„die Mission der Superausrichtung fortzusetzen“.")).toBe(true);
  });

  it("keeps every line of the file exactly, damage included", () => {
    const lines = german.split("\n").filter((line) => line !== "");
    expect(segments.map((s) => s.text)).toEqual(lines);
    const all = segments.map((s) => s.text).join("\n");
    for (const damage of ["Suzkwer", "Lake beklagte", "OpenAl", "Geimini", "ScalingLaws", "GPT5 Bei der Entwicklung", "Governance-Konzepten, d."]) {
      expect(all).toContain(damage);
    }
  });

  it.runIf(fs.existsSync(SHARED_SEED))("is a byte-for-byte copy of the shared seed file", () => {
    expect(fs.readFileSync(GERMAN).equals(fs.readFileSync(SHARED_SEED))).toBe(true);
  });
});

describe("the demo versions", () => {
  const files = ["zh.txt", "en.txt", "fr.txt", "es.txt", "ru.txt", "ja.txt"];
  const kinds = segments.map((s) => s.kind);

  it.each(files)("%s aligns with the German version position by position", (file) => {
    const other = segmentText(fs.readFileSync(path.join(SEED_DIR, file), "utf8"), "txt");
    expect(other.map((s) => s.kind)).toEqual(kinds);
    // The site's language bar leaked into every language identically.
    expect(other[3].text).toBe(segments[3].text);
    expect(other[2].text).toBe("2024-08-19");
  });
});
