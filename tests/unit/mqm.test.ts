import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countWords, pairScore, scorecard } from "@/lib/mqm/scoring";
import { errorWeight } from "@/lib/mqm/weights";
import { readWmtTsv, WmtFormatError, writeWmtTsv } from "@/lib/mqm/wmt-tsv";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/mqm-small.tsv"), "utf8");

describe("MQM weights and scores", () => {
  it("weighs major 5, minor 1, neutral 0, minor punctuation 0.1 and non-translation 25", () => {
    expect(errorWeight("Accuracy/Mistranslation", "Major")).toBe(5);
    expect(errorWeight("Fluency/Grammar", "minor")).toBe(1);
    expect(errorWeight("Style/Awkward", "neutral")).toBe(0);
    expect(errorWeight("Fluency/Punctuation", "minor")).toBe(0.1);
    expect(errorWeight("Fluency/Punctuation", "major")).toBe(5);
    expect(errorWeight("Non-translation", "major")).toBe(25);
    expect(errorWeight("Non-translation", "minor")).toBe(25);
  });

  it("sums a pair's errors and averages over pairs, a clean pair pulling the mean down", () => {
    const dirty = { errors: [{ category: "Accuracy/Mistranslation", severity: "major" }, { category: "Fluency/Punctuation", severity: "minor" }] };
    expect(pairScore(dirty)).toBeCloseTo(5.1);
    expect(scorecard([dirty], 0, null).mqm).toBeCloseTo(5.1);
    const card = scorecard([dirty, { errors: [] }, { errors: [{ category: "Non-translation", severity: "major" }] }], 50, 100);
    expect(card.mqm).toBeCloseTo(30.1 / 3);
    expect(card.pairs).toBe(3);
    expect(card.per1000Words).toBeCloseTo(602);
    expect(card.pass).toBe(false);
    expect(scorecard([{ errors: [] }], 50, 100)).toMatchObject({ mqm: 0, per1000Words: 0, pass: true });
  });

  it("counts source words, CJK characters one each", () => {
    expect(countWords("The cat sat on the mat.")).toBe(6);
    expect(countWords("苏茨克维宣布")).toBe(6);
  });
});

describe("WMT TSV reader", () => {
  const rows = readWmtTsv(FIXTURE);

  it("reads every row with the markers removed and the span as offsets", () => {
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({
      line: 2,
      system: "sysA",
      doc: "news.1",
      docId: "1",
      segId: "1",
      rater: "raterA",
      target: "Die Hund saß auf der Matte.",
      category: "Accuracy/Mistranslation",
      severity: "major",
      span: { side: "target", start: 4, end: 8 },
    });
    expect(rows[0].target.slice(4, 8)).toBe("Hund");
  });

  it("handles spans in the source, No-error rows and rows without a span", () => {
    expect(rows[3]).toMatchObject({ source: "It was very warm.", category: "Accuracy/Omission", span: { side: "source", start: 7, end: 11 } });
    expect(rows[2]).toMatchObject({ category: null, severity: null, span: null, rater: "raterB" });
    expect(rows[4]).toMatchObject({ category: "Non-translation", severity: "major", span: null });
    expect(rows[7]).toMatchObject({ severity: "neutral", span: { side: "target", start: 7, end: 11 } });
  });

  it("reads a span whose closing or opening marker was lost at the edge of the text", () => {
    const lines = FIXTURE.split("\n");
    const unclosed = [lines[0], lines[2].replace("Matte<v>.</v>", "Matte<v>.")].join("\n");
    expect(readWmtTsv(unclosed)[0]).toMatchObject({ target: "Die Hund saß auf der Matte.", span: { side: "target", start: 26, end: 27 } });
    const unopened = [lines[0], lines[1].replace("Die <v>Hund</v>", "Die Hund</v>")].join("\n");
    expect(readWmtTsv(unopened)[0]).toMatchObject({ target: "Die Hund saß auf der Matte.", span: { side: "target", start: 0, end: 8 } });
  });

  it("reads the optional comment column", () => {
    const withComment = FIXTURE.replace("severity\n", "severity\tcomment\n").replace("Accuracy/Mistranslation\tMajor", "Accuracy/Mistranslation\tMajor\tcat, not dog");
    expect(readWmtTsv(withComment)[0].comment).toBe("cat, not dog");
  });

  it("names the line and field of malformed input", () => {
    const lines = FIXTURE.split("\n");
    const broken = (index: number, replacement: string) => lines.map((line, i) => (i === index ? replacement : line)).join("\n");
    expect(() => readWmtTsv("system\tdoc\n")).toThrow(/line 1: header: expected column 3 to be "doc_id"/);
    expect(() => readWmtTsv(broken(2, lines[2].replace("Minor", "Tiny")))).toThrow(/line 3: severity: unknown severity "Tiny"/);
    expect(() => readWmtTsv(broken(1, lines[1].replace("<v>Hund</v>", "<v>Hund</v> <v>")))).toThrow(/line 2: target: unbalanced/);
    expect(() => readWmtTsv(broken(1, lines[1].replace("<v>Hund</v>", "</v>Hund<v>")))).toThrow(/line 2: target: unbalanced/);
    expect(() => readWmtTsv(broken(5, "sysA\tnews.2\t1"))).toThrow(/line 6: columns: expected 9 tab-separated fields, found 3/);
    expect(() => readWmtTsv(broken(6, lines[6].replace("sysB", "")))).toThrow(WmtFormatError);
  });

  it("names an empty key field or category by line and column", () => {
    const header = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity";
    const row = (fields: string[]) => `${header}\n${fields.join("\t")}\n`;
    const good = ["sysA", "news.1", "1", "1", "raterA", "Hi.", "<v>Hallo</v>.", "Style/Awkward", "Minor"];
    const emptied = (index: number, value = " ") => row(good.map((field, i) => (i === index ? value : field)));
    expect(readWmtTsv(row(good))[0].category).toBe("Style/Awkward");
    expect(() => readWmtTsv(emptied(0))).toThrow(/line 2: system: is empty/);
    expect(() => readWmtTsv(emptied(1))).toThrow(/line 2: doc: is empty/);
    expect(() => readWmtTsv(emptied(2, ""))).toThrow(/line 2: doc_id: is empty/);
    expect(() => readWmtTsv(emptied(3))).toThrow(/line 2: seg_id: is empty/);
    expect(() => readWmtTsv(emptied(4, ""))).toThrow(/line 2: rater: is empty/);
    expect(() => readWmtTsv(emptied(7, "  "))).toThrow(/line 2: category: is empty/);
    // A category around spaces is read trimmed; "No-error" in either column makes a clean row.
    expect(readWmtTsv(emptied(7, " Fluency/Grammar "))[0].category).toBe("Fluency/Grammar");
    expect(readWmtTsv(emptied(7, "no-error"))[0]).toMatchObject({ category: null, severity: null });
  });
});

describe("WMT TSV writer", () => {
  it("round-trips: what it writes reads back identically", () => {
    const rows = readWmtTsv(FIXTURE);
    const written = writeWmtTsv(rows);
    const again = readWmtTsv(written);
    const strip = (list: typeof rows) => list.map((row) => ({ ...row, line: 0 }));
    expect(strip(again)).toEqual(strip(rows));
    expect(writeWmtTsv(again)).toBe(written);
    expect(written.split("\n")[1]).toBe("sysA\tnews.1\t1\t1\traterA\tThe cat sat on the mat.\tDie <v>Hund</v> saß auf der Matte.\tAccuracy/Mistranslation\tMajor\t");
  });

  it("refuses text the format cannot hold", () => {
    const [row] = readWmtTsv(FIXTURE);
    expect(() => writeWmtTsv([{ ...row, target: "two\tcolumns" }])).toThrow(/target contains a tab/);
  });
});
