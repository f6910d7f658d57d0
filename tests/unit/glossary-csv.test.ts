import { describe, expect, it } from "vitest";
import { GlossaryCsvError, readGlossaryCsv, writeGlossaryCsv } from "@/lib/formats/glossary-csv";

const HEADER = "lang,canonical,variants,note,article\r\n";

function refusal(text: string): GlossaryCsvError {
  try {
    readGlossaryCsv(text);
  } catch (error) {
    if (error instanceof GlossaryCsvError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("glossary CSV reader", () => {
  it("reads the seed's German garbles with variants split at |, and the line each record starts on", () => {
    const rows = readGlossaryCsv(`${HEADER}de,Sutskever,Suzkwer,Ilya Sutskever,\r\n\r\nde,Gemini,Geimini| Gemeni ,,openai-talent-exodus\r\n`);
    expect(rows).toEqual([
      { line: 2, lang: "de", canonical: "Sutskever", variants: ["Suzkwer"], note: "Ilya Sutskever", article: "" },
      { line: 4, lang: "de", canonical: "Gemini", variants: ["Geimini", "Gemeni"], note: "", article: "openai-talent-exodus" },
    ]);
  });

  it("reads RFC 4180 quoting: commas, doubled quotes and line breaks inside fields, and counts lines after them", () => {
    const rows = readGlossaryCsv(`${HEADER}de,"Leike, Jan",Lake,"He wrote ""Lake"",\r\nnot Leike",\r\nen,OpenAI,OpenAl,,\r\n`);
    expect(rows[0]).toMatchObject({ line: 2, canonical: "Leike, Jan", note: 'He wrote "Lake",\nnot Leike' });
    expect(rows[1]).toMatchObject({ line: 4, canonical: "OpenAI", variants: ["OpenAl"] });
  });

  it("accepts a BOM, LF line endings and a header in any case", () => {
    expect(readGlossaryCsv("\uFEFFLang,Canonical,Variants,Note,Article\nde,Leike,Lake,,\n")).toEqual([
      { line: 2, lang: "de", canonical: "Leike", variants: ["Lake"], note: "", article: "" },
    ]);
  });

  it("reads a header-only file as no terms", () => {
    expect(readGlossaryCsv(HEADER)).toEqual([]);
  });

  it("refuses a wrong header, a wrong field count and broken quoting at the right line", () => {
    expect(refusal("lang,canonical,variants,note\r\nde,Leike,Lake,\r\n")).toMatchObject({ line: 1, problem: "header" });
    expect(refusal("")).toMatchObject({ line: 1, problem: "header" });
    expect(refusal(`${HEADER}de,Leike,Lake,,\r\nde,Sutskever,Suzkwer,\r\n`)).toMatchObject({ line: 3, problem: "fieldCount", values: { expected: 5, found: 4 } });
    expect(refusal(`${HEADER}de,Leike,Lake,,\r\nde,Sut"skever,,,\r\n`)).toMatchObject({ line: 3, field: "canonical", problem: "quote" });
    expect(refusal(`${HEADER}de,Leike,Lake,,\r\nde,"Sutskever"x,,,\r\n`)).toMatchObject({ line: 3, field: "canonical", problem: "quote" });
    // An unclosed quote runs to the end of the file: the error names the line where it opened.
    expect(refusal(`${HEADER}de,Leike,"Lake\r\nmore\r\n\r\nde,Gemini,,,\r\n`)).toMatchObject({ line: 2, problem: "quote" });
    expect(refusal(`${HEADER}de,"Leike, Jan",,"a\r\nb",\r\n\r\nde,"Sutskever,,,\r\nde,Gemini,,,\r\n`)).toMatchObject({ line: 5, problem: "quote" });
  });
});

describe("glossary CSV writer", () => {
  const terms = [
    { lang: "de", canonical: "Sutskever", variants: ["Suzkwer", "Sutzkever"], note: "Ilya Sutskever; garbled in the demo MT", article: null },
    { lang: "de", canonical: "Leike, Jan", variants: [], note: 'the MT wrote "Lake"\nin two places', article: "openai-talent-exodus" },
    { lang: "ja", canonical: "サツケバー", variants: ["スツケヴェル"], note: null, article: null },
  ];

  it("quotes only fields that need it and ends every record with CRLF", () => {
    expect(writeGlossaryCsv(terms)).toBe(
      `${HEADER}de,Sutskever,Suzkwer|Sutzkever,Ilya Sutskever; garbled in the demo MT,\r\n` +
        `de,"Leike, Jan",,"the MT wrote ""Lake""\nin two places",openai-talent-exodus\r\n` +
        "ja,サツケバー,スツケヴェル,,\r\n",
    );
  });

  it("round-trips through the reader", () => {
    const rows = readGlossaryCsv(writeGlossaryCsv(terms));
    expect(rows.map((row) => ({ ...row, line: undefined }))).toEqual(terms.map((term) => ({ ...term, line: undefined, note: term.note ?? "", article: term.article ?? "" })));
    expect(writeGlossaryCsv(rows.map((row) => ({ ...row, note: row.note || null, article: row.article || null })))).toBe(writeGlossaryCsv(terms));
  });
});
