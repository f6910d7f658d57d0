import { describe, expect, it } from "vitest";
import { mapSpan, wordDiff, wordTokens } from "@/lib/text/diff";
import { checkSpan } from "@/lib/text/spans";

const GERMAN = "Anschließend kündigte Suzkwer im Juni dieses Jahres die Gründung an.";

describe("checkSpan: UTF-16 offsets plus quote", () => {
  const start = GERMAN.indexOf("Suzkwer");

  it("accepts a span whose quote matches", () => {
    expect(checkSpan(GERMAN, start, start + 7, "Suzkwer")).toBeNull();
  });

  it("rejects a quote that is not what the offsets cover", () => {
    expect(checkSpan(GERMAN, start, start + 7, "Sutskever")).toBe("quote_mismatch");
    expect(checkSpan(GERMAN, start + 1, start + 8, "Suzkwer")).toBe("quote_mismatch");
  });

  it("rejects spans outside the segment, reversed or empty", () => {
    expect(checkSpan(GERMAN, GERMAN.length - 3, GERMAN.length + 5, "an.")).toBe("out_of_range");
    expect(checkSpan(GERMAN, -1, 3, "Ans")).toBe("out_of_range");
    expect(checkSpan(GERMAN, 5, 2, "")).toBe("out_of_range");
    expect(checkSpan(GERMAN, 5, 5, "")).toBe("empty");
    expect(checkSpan(GERMAN, 1.5, 3, "ns")).toBe("out_of_range");
  });

  it("counts an emoji as two UTF-16 units and refuses to split it", () => {
    const text = "OpenAI 🚀 startet, Sutskever geht.";
    const name = text.indexOf("Sutskever");
    expect(name).toBe(19);
    expect(checkSpan(text, name, name + 9, "Sutskever")).toBeNull();
    const rocket = text.indexOf("🚀");
    expect(checkSpan(text, rocket, rocket + 2, "🚀")).toBeNull();
    expect(checkSpan(text, rocket, rocket + 1, "\ud83d")).toBe("splits_character");
    expect(checkSpan(text, rocket + 1, rocket + 2, "\ude80")).toBe("splits_character");
  });

  it("handles CJK text, including a character outside the BMP", () => {
    const text = "随后，苏茨克维宣布成立𠮷新公司。";
    const name = text.indexOf("苏茨克维");
    expect(checkSpan(text, name, name + 4, "苏茨克维")).toBeNull();
    const rare = text.indexOf("𠮷");
    expect(checkSpan(text, rare, rare + 2, "𠮷")).toBeNull();
    expect(checkSpan(text, rare + 1, rare + 3, text.slice(rare + 1, rare + 3))).toBe("splits_character");
  });
});

describe("word diff", () => {
  it("tokenises German into words, spaces and punctuation that join back", () => {
    const tokens = wordTokens("Suzkwer kündigte an.", "de");
    expect(tokens).toEqual(["Suzkwer", " ", "kündigte", " ", "an", "."]);
  });

  it("tokenises Chinese into words, not one run per sentence", () => {
    const tokens = wordTokens("苏茨克维宣布成立新公司。", "zh");
    expect(tokens.join("")).toBe("苏茨克维宣布成立新公司。");
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens).toContain("公司");
  });

  it("shows a corrected name as one removed and one added word", () => {
    const parts = wordDiff("Anschließend kündigte Suzkwer an.", "Anschließend kündigte Sutskever an.", "de");
    expect(parts.filter((p) => p.removed).map((p) => p.value)).toEqual(["Suzkwer"]);
    expect(parts.filter((p) => p.added).map((p) => p.value)).toEqual(["Sutskever"]);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe("Anschließend kündigte Suzkwer an.");
  });

  it("diffs Chinese by word", () => {
    const parts = wordDiff("雷克加入了竞争对手。", "莱克加入了竞争对手。", "zh");
    const removed = parts.filter((p) => p.removed).map((p) => p.value).join("");
    expect(removed.length).toBeLessThan(5);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe("雷克加入了竞争对手。");
  });
});

describe("mapSpan: follow a span through later edits", () => {
  const applied = "Anschließend kündigte Sutskever im Juni die Gründung an.";
  const start = applied.indexOf("Sutskever");
  const end = start + "Sutskever".length;

  it("keeps the span when nothing changed", () => {
    expect(mapSpan(applied, applied, start, end)).toEqual({ start, end });
  });

  it("shifts the span after an unrelated edit before it", () => {
    const later = applied.replace("Anschließend", "Danach");
    const mapped = mapSpan(applied, later, start, end)!;
    expect(later.slice(mapped.start, mapped.end)).toBe("Sutskever");
  });

  it("keeps the span after an unrelated edit after it", () => {
    const later = applied.replace("Gründung", "Gründung eines Unternehmens");
    expect(mapSpan(applied, later, start, end)).toEqual({ start, end });
  });

  it("keeps the span when text is added right next to it", () => {
    const later = applied.replace("Sutskever", "Ilya Sutskever");
    const mapped = mapSpan(applied, later, start, end)!;
    expect(later.slice(mapped.start, mapped.end)).toBe("Sutskever");
  });

  it("refuses when a later edit changed the span itself", () => {
    expect(mapSpan(applied, applied.replace("Sutskever", "Sutskewer"), start, end)).toBeNull();
    expect(mapSpan(applied, applied.replace("Sutskever im", "im"), start, end)).toBeNull();
  });
});
