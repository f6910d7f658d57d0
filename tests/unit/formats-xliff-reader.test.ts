import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FormatError, readXliff } from "@/lib/formats";

const XML_FIXTURES = path.join(import.meta.dirname, "../fixtures/xml");

function fixture(name: string): string {
  return fs.readFileSync(path.join(XML_FIXTURES, name), "utf8");
}

/** The FormatError readXliff throws for this text. */
function refusal(text: string, fileName = "upload.xlf"): FormatError {
  try {
    readXliff(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error("readXliff accepted the file");
}

const MINIMAL_12 = (units: string) =>
  `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a" source-language="en" datatype="plaintext">\n<body>\n${units}\n</body>\n</file>\n</xliff>\n`;

describe("readXliff refuses hostile files", () => {
  it.each([
    ["billion-laughs.xlf", 2],
    ["external-entity.xlf", 2],
    ["parameter-entity.xlf", 2],
  ])("%s: any DOCTYPE is refused before an entity is looked at", (name, line) => {
    const error = refusal(fixture(name), name);
    expect(error.message).toBe(`${name}: DOCTYPE declarations are not allowed (line ${line}, column 1)`);
    expect(error.details).toEqual({ file: name, line, column: 1 });
    expect(error.message).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it("refuses a DOCTYPE even when its DTD is cut off", () => {
    const error = refusal('<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd"');
    expect(error.message).toBe("upload.xlf: DOCTYPE declarations are not allowed (line 1, column 22)");
  });

  it("refuses an entity that was never declared instead of passing it through", () => {
    const error = refusal(MINIMAL_12('<trans-unit id="1"><source>&passwd;</source></trans-unit>'));
    expect(error.message).toMatch(/^upload\.xlf: not well-formed XML: undefined entity \(line 5, column \d+\)$/);
    expect(error.details.line).toBe(5);
  });

  it("points at a bare ampersand, not at the end of the file where the parser notices it", () => {
    const error = refusal(fixture("malformed.xlf"), "malformed.xlf");
    expect(error.message).toBe('malformed.xlf: not well-formed XML: a bare "&" must be written "&amp;" (line 6, column 25)');
    expect(error.details).toEqual({ file: "malformed.xlf", line: 6, column: 25 });
  });
});

describe("readXliff names what is wrong", () => {
  it.each([
    ["", "upload.xlf: the file is empty"],
    ["  \n\t", "upload.xlf: the file is empty"],
    ["Titel\n\nAbsatz.", "upload.xlf: not XML: the file does not start with a tag (line 1, column 1)"],
    ['<?xml version="1.0"?>\n<html><body/></html>', "upload.xlf: not XLIFF: root element is <html> (line 2, column 1)"],
    ['<xliff version="1.1"><file/></xliff>', "upload.xlf: XLIFF version 1.1 is not supported (line 1, column 1)"],
    ["<xliff><file/></xliff>", "upload.xlf: not XLIFF: <xliff> has no version (line 1, column 1)"],
    [MINIMAL_12(""), "upload.xlf: the file has no translation units (line 2, column 1)"],
    [MINIMAL_12('<trans-unit id="s3">\n  <target>Ziel</target>\n</trans-unit>'), 'upload.xlf: trans-unit id="s3": <source> missing (line 5, column 1)'],
    ['<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f"><unit id="u"><segment><target>x</target></segment></unit></file></xliff>', 'upload.xlf: unit id="u": <segment> without <source> (line 1, column 107)'],
    ['<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f"/></xliff>', "upload.xlf: <xliff> has no srcLang (line 1, column 1)"],
    ["<xliff version=\"1.2\"><!-- R&D -->\n<file original=\"a&b\"/></xliff>", 'upload.xlf: not well-formed XML: a bare "&" must be written "&amp;" (line 2, column 18)'],
    ['<xliff version="1.2"><file', "upload.xlf: not well-formed XML: unclosed tag: xliff (line 1, column 26)"],
  ])("%j", (text, message) => {
    expect(refusal(text).message).toBe(message);
  });

  it("names the field of an annotation note it cannot read", () => {
    const note = '<note verso:start="0" verso:end="3" verso:quote="Foo" verso:category="Style" verso:severity="huge" verso:status="open" verso:origin="human">x</note>';
    const text = MINIMAL_12(`<trans-unit id="s2" xmlns:verso="urn:verso:xliff:1"><source>Foo</source>${note}</trans-unit>`);
    const error = refusal(text);
    expect(error.message).toBe('upload.xlf: trans-unit id="s2": verso:severity="huge" is not one of major, minor, neutral (line 5, column 73)');
    expect(error.details.field).toBe("verso:severity");
  });
});

describe("readXliff reads other tools' files", () => {
  it("flattens XLIFF 1.2 inline tags (<g>, <x/>, <bpt>/<ept>) to the text they carry", () => {
    const read = readXliff(fixture("okapi-12-inline.xlf"), "okapi-12-inline.xlf");
    expect(read).toEqual({
      xliffVersion: "1.2",
      sourceLang: "en-US",
      targetLang: "de-DE",
      status: null,
      units: [
        { id: "tu1", kind: "title", source: "OpenAI faces several challenges", target: "OpenAI steht vor mehreren Herausforderungen", annotations: [] },
        // The reviewer's plain <note> and the <alt-trans> match are not part of the unit's text or annotations.
        { id: "tu2", kind: "paragraph", source: "Sutskever announced SSI in June.", target: "Sutskever kündigte im Juni SSI an.", annotations: [] },
        { id: "tu3", kind: "paragraph", source: 'Revenue < costs & "growing"', target: null, annotations: [] },
      ],
    });
  });

  it("joins the segments and ignorables of an XLIFF 2.0 unit and flattens <pc>, <ph/>, <mrk>, <sm/>/<em/>", () => {
    const read = readXliff(fixture("okapi-20-segments.xlf"), "okapi-20-segments.xlf");
    expect(read).toEqual({
      xliffVersion: "2.0",
      sourceLang: "en",
      targetLang: "ja",
      status: null,
      units: [
        {
          id: "u1",
          kind: "paragraph",
          source: "OpenAI faces several challenges. Sutskever left in June.",
          target: "OpenAIは複数の課題に直面している。 サツケバーは6月に退社した。",
          annotations: [],
        },
        { id: "u2", kind: "paragraph", source: "Untranslated heading", target: null, annotations: [] },
      ],
    });
  });

  it("accepts a byte order mark and an XLIFF 1.2 file without a namespace", () => {
    const text = '\uFEFF<xliff version="1.2"><file original="a" source-language="fr" datatype="plaintext"><body><trans-unit id="1"><source>Bonjour</source><target>Hallo</target></trans-unit></body></file></xliff>';
    expect(readXliff(text, "old.xlf").units).toEqual([{ id: "1", kind: "paragraph", source: "Bonjour", target: "Hallo", annotations: [] }]);
  });
});
