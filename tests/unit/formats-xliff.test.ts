import { describe, expect, it } from "vitest";
import { readXliff, writeTmx, writeXliff12, writeXliff20, type ExportDocument } from "@/lib/formats";
import { attributeOf, childElements, parseXml, type XmlElement } from "@/lib/formats/xml-tree";
import { ARABIC_DOCUMENT, GERMAN_DOCUMENT, QUOTES_ANNOTATION, SUTSKEVER_ANNOTATION } from "./fixtures/export-document";

const WRITERS = { "2.0": writeXliff20, "1.2": writeXliff12 } as const;

function withoutId<T extends { id: string }>({ id, ...rest }: T): Omit<T, "id"> {
  void id;
  return rest;
}

function text(element: XmlElement): string {
  return element.children.map((child) => (typeof child === "string" ? child : text(child))).join("");
}

describe.each(["2.0", "1.2"] as const)("XLIFF %s", (version) => {
  const write = WRITERS[version];

  it("round-trips every unit's kind, source, target and every annotation field", () => {
    const read = readXliff(write(GERMAN_DOCUMENT).body, "openai.xlf");
    expect(read).toMatchObject({ xliffVersion: version, sourceLang: "zh", targetLang: "de", status: "approved" });
    expect(read.units).toEqual(
      GERMAN_DOCUMENT.segments.map((s) => ({
        id: `s${s.position}`,
        kind: s.kind,
        source: s.sourceText ?? s.text,
        target: s.text,
        annotations: s.annotations.map(withoutId),
      })),
    );
    expect(read.units[2].annotations).toEqual([withoutId(SUTSKEVER_ANNOTATION)]);
    // Null fields stay null instead of becoming empty strings.
    expect(read.units[4].annotations).toEqual([withoutId(QUOTES_ANNOTATION)]);
  });

  it("round-trips the Arabic version, still in review", () => {
    const read = readXliff(write(ARABIC_DOCUMENT).body, "ar.xlf");
    expect(read).toMatchObject({ targetLang: "ar", status: "in_review" });
    if (version === "2.0") expect(write(ARABIC_DOCUMENT).body).toContain('srcDir="ltr" trgDir="rtl"');
    expect(read.units.map((u) => [u.source, u.target])).toEqual(ARABIC_DOCUMENT.segments.map((s) => [s.sourceText, s.text]));
  });

  it("keeps line breaks, tabs, CR and markup characters in text and annotation attributes", () => {
    const tricky = "Zeile <eins> & \"zwei\"\n\tmit 'Tab'\r\nund CRLF  ";
    const doc: ExportDocument = {
      ...GERMAN_DOCUMENT,
      segments: [{ ...GERMAN_DOCUMENT.segments[2], text: tricky, sourceText: tricky, annotations: [{ ...SUTSKEVER_ANNOTATION, note: tricky, quote: tricky }] }],
    };
    const unit = readXliff(write(doc).body, "tricky.xlf").units[0];
    expect([unit.source, unit.target, unit.annotations[0].note, unit.annotations[0].quote]).toEqual([tricky, tricky, tricky, tricky]);
  });

  it("drops characters XML 1.0 forbids, so that the file can always be read back", () => {
    const doc: ExportDocument = {
      ...GERMAN_DOCUMENT,
      segments: [{ ...GERMAN_DOCUMENT.segments[1], text: "2024\u0000-08\u0007-19\uFFFF\uD800", annotations: [{ ...QUOTES_ANNOTATION, note: "Glocke\u0007" }] }],
    };
    const unit = readXliff(write(doc).body, "controls.xlf").units[0];
    expect(unit.target).toBe("2024-08-19");
    expect(unit.annotations[0].note).toBe("Glocke");
  });
});

describe("XLIFF 2.0 writer", () => {
  const body = writeXliff20(GERMAN_DOCUMENT).body;
  const root = parseXml(body, "de.xlf");
  const file = childElements(root, "file")[0];
  const units = childElements(file, "unit");

  it("declares XLIFF 2.0 with languages and the approval state on <file>", () => {
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:verso="urn:verso:xliff:1" version="2.0" srcLang="zh" trgLang="de">')).toBe(true);
    expect(attributeOf(file, "id")).toBe("f1");
    expect(["status", "approvedBy", "approvedAt", "overrideReason"].map((name) => attributeOf(file, name, "urn:verso:xliff:1"))).toEqual([
      "approved",
      "chefredaktion@verso.test",
      "2024-08-20T09:30:00.000Z",
      "Offene Anmerkung betrifft nur Typografie",
    ]);
    const approval = childElements(childElements(file, "notes")[0], "note")[0];
    expect(attributeOf(approval, "category")).toBe("verso:approval");
    expect(text(approval)).toBe("Approved by chefredaktion@verso.test at 2024-08-20T09:30:00.000Z (override: Offene Anmerkung betrifft nur Typografie)");
  });

  it("writes one typed unit per segment, final because the version is approved", () => {
    expect(units.map((u) => [attributeOf(u, "id"), attributeOf(u, "type")])).toEqual(GERMAN_DOCUMENT.segments.map((s) => [`s${s.position}`, `verso:${s.kind}`]));
    expect(units.map((u) => attributeOf(childElements(u, "segment")[0], "state"))).toEqual(units.map(() => "final"));
    expect(writeXliff20(ARABIC_DOCUMENT).body).toContain('<segment state="translated">');
  });

  it("summarises each annotation for people and escapes the text", () => {
    const note = childElements(childElements(units[2], "notes")[0], "note")[0];
    expect(attributeOf(note, "category")).toBe("verso:annotation");
    expect(text(note)).toBe('major Accuracy/Mistranslation/Entity: "Suzkwer" → "Sutskever" (applied) – Name im Original: 苏茨克维 (Ilya Sutskever)');
    expect(body).toContain("<target>Umsatz &lt; 5 Mrd. &amp; Kosten &gt; Erlöse: &quot;Das ist &apos;kein&apos; Problem&quot;, sagte O&apos;Brien.</target>");
    expect(body).toContain("<source>随后，苏茨克维于今年6月宣布成立一家新的人工智能公司“安全超级智能公司”（SSI）。</source>");
  });

  it("writes the target as source where there is no source text", () => {
    const segment = childElements(units[5], "segment")[0];
    expect(text(childElements(segment, "source")[0])).toBe(GERMAN_DOCUMENT.segments[5].text);
  });
});

describe("XLIFF 1.2 writer", () => {
  const body = writeXliff12(GERMAN_DOCUMENT).body;
  const file = childElements(parseXml(body, "de.xlf"), "file")[0];
  const transUnits = childElements(childElements(file, "body")[0], "trans-unit");

  it("declares the file's languages and approval, with a header note", () => {
    expect(body).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:verso="urn:verso:xliff:1">');
    expect([attributeOf(file, "original"), attributeOf(file, "source-language"), attributeOf(file, "target-language"), attributeOf(file, "datatype")]).toEqual([
      "openai-herausforderungen",
      "zh",
      "de",
      "plaintext",
    ]);
    expect(attributeOf(file, "status", "urn:verso:xliff:1")).toBe("approved");
    expect(text(childElements(childElements(file, "header")[0], "note")[0])).toMatch(/^Approved by chefredaktion@verso\.test/);
  });

  it("marks trans-units approved with final targets, and annotations as prioritised notes", () => {
    expect(transUnits.map((u) => [attributeOf(u, "restype"), attributeOf(u, "approved")])).toEqual(GERMAN_DOCUMENT.segments.map((s) => [`x-${s.kind}`, "yes"]));
    expect(attributeOf(childElements(transUnits[2], "target")[0], "state")).toBe("final");
    const notes = [transUnits[2], transUnits[4]].map((u) => childElements(u, "note")[0]);
    expect(notes.map((n) => [attributeOf(n, "from"), attributeOf(n, "priority")])).toEqual([
      ["lektorat@verso.test", "1"],
      ["check:quotes", "2"],
    ]);
    const arabic = writeXliff12(ARABIC_DOCUMENT).body;
    expect(arabic).toContain('approved="no"');
    expect(arabic).toContain('<target state="translated">');
  });
});

describe("TMX writer", () => {
  const body = writeTmx(GERMAN_DOCUMENT).body;
  const root = parseXml(body, "de.tmx");

  it("writes a TMX 1.4 header without a creation date", () => {
    expect(attributeOf(root, "version")).toBe("1.4");
    const header = childElements(root, "header")[0];
    expect(Object.fromEntries(header.attributes.map((a) => [a.local, a.value]))).toEqual({
      creationtool: "Verso",
      creationtoolversion: "1",
      segtype: "paragraph",
      "o-tmf": "verso",
      adminlang: "en",
      srclang: "zh",
      datatype: "plaintext",
    });
  });

  it("pairs each source with its corrected text and marks only the corrected units", () => {
    const units = childElements(childElements(root, "body")[0], "tu");
    // Segment 6 has no source text, so it is no translation unit.
    expect(units.map((u) => attributeOf(u, "tuid"))).toEqual([1, 2, 3, 4, 5].map((n) => `openai-herausforderungen-${n}`));
    const pairs = units.map((u) => childElements(u, "tuv").map((tuv) => [attributeOf(tuv, "lang", "http://www.w3.org/XML/1998/namespace"), text(childElements(tuv, "seg")[0])]));
    expect(pairs[2]).toEqual([
      ["zh", GERMAN_DOCUMENT.segments[2].sourceText],
      ["de", GERMAN_DOCUMENT.segments[2].text],
    ]);
    expect(pairs[4][1][1]).toBe(GERMAN_DOCUMENT.segments[4].text);
    const corrected = units.filter((u) => childElements(u, "prop").some((p) => attributeOf(p, "type") === "x-verso-corrected" && text(p) === "yes"));
    expect(corrected.map((u) => attributeOf(u, "tuid"))).toEqual(["openai-herausforderungen-3"]);
  });
});
