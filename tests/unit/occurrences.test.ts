import { describe, expect, it } from "vitest";
import { findOccurrences, occurrenceContext, spanInOriginal } from "@/lib/text/occurrences";

const words = (text: string, needle: string) => findOccurrences(text, needle).map((o) => [o.start, o.end]);

describe("findOccurrences: whole words", () => {
  it("matches Lake as a word, not inside Lakes or Blake", () => {
    expect(findOccurrences("Lakes und Blake", "Lake")).toEqual([]);
    expect(findOccurrences("Lakeside", "Lake")).toEqual([]);
    const text = "Lake schloss sich an; später wohnte er am Lake-Tahoe-Ufer, nicht bei Blake.";
    expect(words(text, "Lake")).toEqual([
      [0, 4],
      [text.indexOf("Lake-Tahoe"), text.indexOf("Lake-Tahoe") + 4],
    ]);
  });

  it("treats punctuation, quotes and apostrophes as boundaries but digits as part of the word", () => {
    expect(findOccurrences("„Suzkwer“, (Suzkwer) Suzkwer's", "Suzkwer")).toHaveLength(3);
    expect(findOccurrences("GPT4 und GPT-4", "GPT")).toEqual([{ start: 9, end: 12 }]);
  });

  it("is case-sensitive", () => {
    expect(findOccurrences("suzkwer SUZKWER Suzkwer", "Suzkwer")).toEqual([{ start: 16, end: 23 }]);
  });

  it("finds several occurrences left to right", () => {
    const text = "Suzkwer sagte, Suzkwer werde gehen. Suzkwer!";
    expect(findOccurrences(text, "Suzkwer").map((o) => o.start)).toEqual([0, 15, 36]);
  });

  it("respects Cyrillic word boundaries (no match inside an inflected form)", () => {
    const text = "Суцкевер объявил, что команда Суцкевера и Суцкеверов… Суцкевер.";
    expect(findOccurrences(text, "Суцкевер").map((o) => o.start)).toEqual([0, text.lastIndexOf("Суцкевер")]);
    expect(findOccurrences("ПроСуцкевер", "Суцкевер")).toEqual([]);
  });

  it("matches a Latin name glued into Chinese text", () => {
    const text = "苏茨克维Suzkwer说";
    expect(findOccurrences(text, "Suzkwer")).toEqual([{ start: 4, end: 11 }]);
    expect(findOccurrences("OpenAI的Suzkwers说", "Suzkwer")).toEqual([]);
  });

  it("matches a Han needle inside Han text, and next to Latin letters", () => {
    const text = "随后，苏茨克维宣布成立新公司。OpenAI苏茨克维";
    expect(findOccurrences(text, "苏茨克维").map((o) => o.start)).toEqual([3, text.length - 4]);
  });

  it("matches Japanese Katakana names followed by particles and the long vowel mark", () => {
    const text = "スツケヴァーは会社を去った。スツケヴァー";
    expect(findOccurrences(text, "スツケヴァー").map((o) => o.start)).toEqual([0, 14]);
  });

  it("never matches a needle followed by a combining mark", () => {
    expect(findOccurrences("Lake\u0301 Lake", "Lake")).toEqual([{ start: 6, end: 10 }]);
  });

  it("handles characters outside the BMP next to the match", () => {
    const text = "𠮷Suzkwer𠮷 and 😀Suzkwer";
    expect(findOccurrences(text, "Suzkwer")).toHaveLength(2);
    expect(findOccurrences("𝐀Suzkwer", "Suzkwer")).toEqual([]);
  });

  it("returns nothing for an empty needle", () => {
    expect(findOccurrences("text", "")).toEqual([]);
  });
});

describe("occurrenceContext", () => {
  it("returns the text around the match, cut at spaces, with flags", () => {
    const text = "Nach langem Zögern kündigte Suzkwer die Gründung einer neuen Firma an, die sich ganz der Sicherheit widmen soll.";
    const [occurrence] = findOccurrences(text, "Suzkwer");
    const context = occurrenceContext(text, occurrence, 20);
    expect(context.match).toBe("Suzkwer");
    expect(context.before.endsWith("kündigte ")).toBe(true);
    expect(context.after.startsWith(" die")).toBe(true);
    expect(context.truncatedAfter).toBe(true);
    expect(text).toContain(context.before + context.match + context.after);
    expect(context.truncatedBefore).toBe(true);
  });

  it("keeps short texts whole and never splits a surrogate pair", () => {
    expect(occurrenceContext("am Lake Tahoe", { start: 3, end: 7 })).toEqual({ before: "am ", match: "Lake", after: " Tahoe", truncatedBefore: false, truncatedAfter: false });
    const text = "😀😀😀Suzkwer😀😀😀";
    const context = occurrenceContext(text, { start: 6, end: 13 }, 3);
    expect(context.before).toBe("😀");
    expect(context.after).toBe("😀");
  });
});

describe("spanInOriginal", () => {
  it("maps an intact span through an edit before it", () => {
    const original = "Danach kam Suzkwer.";
    const text = "Wie berichtet: Danach kam Suzkwer.";
    expect(spanInOriginal(original, text, text.indexOf("Suzkwer"), text.indexOf("Suzkwer") + 7)).toEqual({ start: 11, end: 18, intact: true });
  });

  it("anchors a span an edit typed in as an empty span where the edit happened", () => {
    const original = "Danach kam Ilja.";
    const text = "Danach kam Suzkwer.";
    const span = spanInOriginal(original, text, 11, 18);
    expect(span.intact).toBe(false);
    expect(span.start).toBe(span.end);
    expect(span.start).toBeGreaterThanOrEqual(11);
    expect(span.start).toBeLessThanOrEqual(15);
  });
});
