import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, writeExport, writeHtml, writeJson, writeMarkdown, writeTxt, type ExportDocument, type ExportSegment } from "@/lib/formats";
import { splitMarkdown, splitPlainText } from "@/lib/text";
import { ARABIC_DOCUMENT, GERMAN_DOCUMENT, SUTSKEVER_ANNOTATION } from "./fixtures/export-document";

const SEED = fs.readFileSync(path.join("/work/shared/seeds/000_fd11f6bd83abf008.txt"), "utf8");

/** The document of a version imported from `text` and never touched. */
function importedDocument(text: string, format: "txt" | "md"): ExportDocument {
  const parts = format === "txt" ? splitPlainText(text) : splitMarkdown(text);
  const segments: ExportSegment[] = parts.map((part, i) => ({
    position: i + 1,
    kind: part.kind,
    originalText: part.text,
    text: part.text,
    revision: 1,
    sourceText: null,
    annotations: [],
  }));
  return { ...GERMAN_DOCUMENT, imported: { format, text }, segments };
}

function correct(doc: ExportDocument, from: string, to: string): ExportDocument {
  return {
    ...doc,
    segments: doc.segments.map((s) => (s.text.includes(from) ? { ...s, text: s.text.replace(from, to), revision: 2 } : s)),
  };
}

/** The one region in which two strings differ: [common prefix, old middle, new middle]. */
function changedRegion(before: string, after: string): [number, string, string] {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [prefix, before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix)];
}

describe("txt export", () => {
  it("exports an untouched imported version of the seed article byte for byte", () => {
    const doc = importedDocument(SEED, "txt");
    expect(doc.segments.length).toBeGreaterThan(20);
    expect(writeTxt(doc).body).toBe(SEED);
  });

  it("changes exactly one region of the seed file when one segment was corrected", () => {
    const body = writeTxt(correct(importedDocument(SEED, "txt"), "kündigte Suzkwer", "kündigte Sutskever")).body;
    const [at, removed, added] = changedRegion(SEED, body);
    expect(at).toBe(SEED.indexOf("Suzkwer") + 2);
    expect([removed, added]).toEqual(["zkw", "tskev"]);
    expect(body.length - SEED.length).toBe(2);
  });

  it("keeps a Windows file's CRLF layout, also inside multi-line blocks", () => {
    const text = "Titel der Meldung\r\n\r\n\r\nErste Zeile\r\nzweite Zeile mit Suzkwer.\r\n";
    expect(writeTxt(importedDocument(text, "txt")).body).toBe(text);
    expect(writeTxt(correct(importedDocument(text, "txt"), "Suzkwer", "Sutskever")).body).toBe(text.replace("Suzkwer", "Sutskever"));
  });

  it("falls back to one blank line between segments when an original text is not in the imported file", () => {
    const doc = importedDocument("Titel\n\n\nAbsatz eins.\n", "txt");
    const broken = { ...doc, segments: doc.segments.map((s, i) => (i === 1 ? { ...s, originalText: "anderer Text", text: "Absatz zwei." } : s)) };
    expect(writeTxt(broken).body).toBe("Titel\n\nAbsatz zwei.\n");
  });

  it("joins the current texts of a version without an imported file", () => {
    const file = writeTxt(GERMAN_DOCUMENT);
    expect(file).toMatchObject({ mediaType: "text/plain; charset=utf-8", extension: "txt" });
    expect(file.body).toBe(`${GERMAN_DOCUMENT.segments.map((s) => s.text).join("\n\n")}\n`);
    expect(file.body).toContain("kündigte Sutskever im Juni");
    expect(file.body).not.toContain("Suzkwer");
  });
});

describe("Markdown export", () => {
  it("writes the title as #, headings as ## and escapes what would start a list", () => {
    const body = writeMarkdown(GERMAN_DOCUMENT).body;
    expect(body.split("\n\n")).toEqual([
      "# OpenAI steht vor mehreren Herausforderungen",
      "2024-08-19",
      GERMAN_DOCUMENT.segments[2].text,
      "## Geben Sie diese Signale frei",
      GERMAN_DOCUMENT.segments[4].text,
      "1\\. August: Schulman wechselt zu Anthropic.\n\\- Brockman ist beurlaubt.\n",
    ]);
  });

  it("escapes paragraph lines that Markdown would read as a heading, quote or list, and re-imports them unchanged", () => {
    const texts = ["# kein Titel", "> kein Zitat", "- keine Liste", "+ plus", "* Stern", "12) Punkt", "===", "Normaler Satz mit # und > in der Mitte."];
    const doc: ExportDocument = {
      ...GERMAN_DOCUMENT,
      segments: [
        { ...GERMAN_DOCUMENT.segments[0] },
        ...texts.map((text, i): ExportSegment => ({ ...GERMAN_DOCUMENT.segments[4], position: i + 2, text, originalText: text, annotations: [] })),
      ],
    };
    const body = writeMarkdown(doc).body;
    expect(body).toContain("\n\n\\# kein Titel\n\n\\> kein Zitat\n\n\\- keine Liste\n\n\\+ plus\n\n\\* Stern\n\n12\\) Punkt\n\n===\n\nNormaler Satz mit # und > in der Mitte.\n");
    expect(splitMarkdown(body).map((s) => s.text)).toEqual([GERMAN_DOCUMENT.segments[0].text, ...texts]);
    expect(splitMarkdown(body).map((s) => s.kind)).toEqual(["title", ...texts.map(() => "paragraph")]);
  });

  it("patches an imported Markdown file, keeping its markup and layout", () => {
    const text = "# OpenAI unter Druck\n\nAnschließend kündigte Suzkwer im Juni an.\n\n## Sicherheit\nEin Absatz direkt darunter.\n";
    expect(writeMarkdown(importedDocument(text, "md")).body).toBe(text);
    expect(writeMarkdown(correct(importedDocument(text, "md"), "Suzkwer", "Sutskever")).body).toBe(text.replace("Suzkwer", "Sutskever"));
  });

  it("escapes a setext underline inside a paragraph", () => {
    const doc: ExportDocument = { ...GERMAN_DOCUMENT, segments: [{ ...GERMAN_DOCUMENT.segments[4], text: "Bilanz\n===\n---" }] };
    expect(writeMarkdown(doc).body).toBe("Bilanz\n\\===\n\\---\n");
  });

  it("ignores an imported file of another format", () => {
    const doc: ExportDocument = { ...importedDocument("Absatz.", "txt"), segments: [{ ...GERMAN_DOCUMENT.segments[0] }] };
    expect(writeMarkdown(doc).body).toBe("# OpenAI steht vor mehreren Herausforderungen\n");
  });
});

describe("HTML export", () => {
  it("writes a complete, escaped HTML5 document in the version's language", () => {
    const body = writeHtml(GERMAN_DOCUMENT).body;
    expect(body.startsWith('<!DOCTYPE html>\n<html lang="de" dir="ltr">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(body).toContain("<title>OpenAI steht vor mehreren Herausforderungen</title>");
    expect(body).toContain("<h1>OpenAI steht vor mehreren Herausforderungen</h1>");
    expect(body).toContain('<p class="meta">2024-08-19</p>');
    expect(body).toContain("<h2>Geben Sie diese Signale frei</h2>");
    expect(body).toContain("<p>Umsatz &lt; 5 Mrd. &amp; Kosten &gt; Erlöse: &quot;Das ist &#39;kein&#39; Problem&quot;, sagte O&#39;Brien.</p>");
    expect(body).toContain("<p>1. August: Schulman wechselt zu Anthropic.<br>\n- Brockman ist beurlaubt.</p>");
    expect(body.endsWith("</html>\n")).toBe(true);
  });

  it("marks an Arabic version right to left", () => {
    const body = writeHtml(ARABIC_DOCUMENT).body;
    expect(body).toContain('<html lang="ar" dir="rtl">');
    expect(body).toContain("<p>أعلن سوتسكيفر في يونيو عن تأسيس شركة جديدة.</p>");
  });

  it("never emits markup from the text, and falls back to the article title", () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const doc: ExportDocument = {
      ...GERMAN_DOCUMENT,
      version: { ...GERMAN_DOCUMENT.version, lang: 'de"><script>' },
      segments: [{ ...GERMAN_DOCUMENT.segments[4], text: attack }],
    };
    const body = writeHtml(doc).body;
    expect(body).not.toMatch(/<script|<img/);
    expect(body).toContain("<title>OpenAI unter Druck</title>");
    expect(body).toContain('lang="de&quot;&gt;&lt;script&gt;"');
  });
});

describe("JSON export", () => {
  it("carries original and current text, revision, source and every annotation field", () => {
    const file = writeJson(GERMAN_DOCUMENT);
    expect(file.body.endsWith("}\n")).toBe(true);
    expect(file.body).toContain('\n  "formatVersion": 1,\n');
    const value = JSON.parse(file.body);
    expect(value).toMatchObject({ format: "verso-export", formatVersion: 1, article: GERMAN_DOCUMENT.article, version: GERMAN_DOCUMENT.version });
    expect(value.segments[2]).toEqual({
      position: 3,
      kind: "paragraph",
      originalText: GERMAN_DOCUMENT.segments[2].originalText,
      text: GERMAN_DOCUMENT.segments[2].text,
      revision: 2,
      sourceText: GERMAN_DOCUMENT.segments[2].sourceText,
      annotations: [SUTSKEVER_ANNOTATION],
    });
    expect(value.segments[5].sourceText).toBeNull();
    expect(value).not.toHaveProperty("imported");
  });
});

describe("every writer", () => {
  it.each(EXPORT_FORMATS)("%s is deterministic and independent of key order", (format) => {
    const reordered: ExportDocument = JSON.parse(JSON.stringify(GERMAN_DOCUMENT, Object.keys(GERMAN_DOCUMENT).reverse()));
    const first = writeExport(format, GERMAN_DOCUMENT);
    expect(writeExport(format, structuredClone(GERMAN_DOCUMENT))).toEqual(first);
    expect(writeExport(format, { ...reordered, ...GERMAN_DOCUMENT })).toEqual(first);
    expect(first.body.endsWith("\n")).toBe(true);
    expect(first.body).not.toContain(new Date().getFullYear().toString());
  });
});
