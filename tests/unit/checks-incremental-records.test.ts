import { describe, expect, it } from "vitest";
import { checkArticle, runChecks, type ArticleForChecks, type CheckVersion } from "@/lib/checks";
import { DEMO_LANGS, demoVersion } from "./fixtures/demo-article";

// Spanish is left out: five translations are enough to exercise the carried analyses.
const versions: CheckVersion[] = DEMO_LANGS.filter((lang) => lang !== "es").map((lang) => demoVersion(lang));
const article = (edited: CheckVersion[]): ArticleForChecks => ({ source: edited[0], versions: edited.slice(1), glossary: [{ lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] }] });
const texts = (records: Map<number, { text: string }[]>) => [...records.values()].flat().map((r) => r.text);

/** The versions with one segment's text replaced. */
function edit(current: CheckVersion[], id: string, position: number, change: (text: string) => string): CheckVersion[] {
  return current.map((v) => (v.id !== id ? v : { ...v, segments: v.segments.map((s) => (s.position === position ? { ...s, text: change(s.text) } : s)) }));
}

describe("an incremental run starts from the earlier run's per-text analyses", () => {
  it("gives a full run's findings edit after edit, keeps the analyses of unchanged texts and drops those of edited-away ones", () => {
    let current = versions;
    let state = checkArticle(article(current), null).state;
    const german = versions.find((v) => v.id === "de")!;
    const russian = versions.find((v) => v.id === "ru")!;
    const edits: [string, number, (text: string) => string][] = [
      ["de", german.segments.find((s) => s.text.includes("Suzkwer"))!.position, (t) => t.replaceAll("Suzkwer", "Sutskever")],
      ["en", 3, (t) => `${t} OpenAl`],
      ["de", 5, (t) => t.replace(/\s\S+$/, "")],
      // A Latin o inside a Russian word: a mixed-script look-alike.
      ["ru", russian.segments.find((s) => s.kind === "paragraph" && s.text.includes("о"))!.position, (t) => t.replace("о", "o")],
      // The name the first edit corrected, garbled again in another way.
      ["de", german.segments.find((s) => s.text.includes("Suzkwer"))!.position, (t) => t.replaceAll("Sutskever", "Lake")],
    ];
    for (const [id, position, change] of edits) {
      const before = current.find((v) => v.id === id)!.segments.find((s) => s.position === position)!.text;
      const unchanged = current.find((v) => v.id === "fr")!.segments[0].text;
      const recordOf = (records: typeof state.records, text: string) => [...records.values()].flat().find((r) => r.text === text);
      const earlierRecord = recordOf(state.records, unchanged);
      current = edit(current, id, position, change);
      const run = checkArticle(article(current), state);
      expect(JSON.stringify([...run.results])).toBe(JSON.stringify([...runChecks(article(current))]));
      // The same record object: what was worked out from the unchanged text is reused, not recomputed.
      expect(recordOf(run.state.records, unchanged)).toBe(earlierRecord);
      const after = current.find((v) => v.id === id)!.segments.find((s) => s.position === position)!.text;
      expect(after, "every edit changes its text").not.toBe(before);
      expect(texts(run.state.records)).toContain(after);
      if (!current.some((v) => v.segments.some((s) => s.text === before))) expect(texts(run.state.records)).not.toContain(before);
      state = run.state;
    }
  });

  it("starts afresh when the glossary changes", () => {
    const first = checkArticle(article(versions), null).state;
    const withTerm = { ...article(versions), glossary: [{ lang: "en", canonical: "OpenAI", variants: ["OpenAl"] }] };
    const run = checkArticle(withTerm, first);
    expect(run.reused).toBe(0);
    const recordTexts = new Set(texts(first.records));
    expect([...run.state.records.values()].flat().every((r) => recordTexts.has(r.text) && ![...first.records.values()].flat().includes(r))).toBe(true);
    expect(JSON.stringify([...run.results])).toBe(JSON.stringify([...runChecks(withTerm)]));
  });
});
