import { describe, expect, it } from "vitest";
import { segmentText, splitMarkdown, splitPlainText, textFormatOf } from "@/lib/text";

describe("Markdown import", () => {
  it("takes the first # heading as the title and strips inline markup", () => {
    expect(splitMarkdown("# OpenAI *unter* Druck\n\nDer Abgang von **Schulman** und [Leike](https://x.test).\n\n## Sicherheit\nEin Absatz direkt darunter.\n\n- eins\n- zwei")).toEqual([
      { kind: "title", text: "OpenAI unter Druck" },
      { kind: "paragraph", text: "Der Abgang von Schulman und Leike." },
      { kind: "heading", text: "Sicherheit" },
      { kind: "paragraph", text: "Ein Absatz direkt darunter." },
      { kind: "paragraph", text: "eins\nzwei" },
    ]);
  });

  it("leaves snake_case and lone asterisks alone", () => {
    expect(splitMarkdown("# T\n\nfile_name_here and 5 * 3 = 15.")[1].text).toBe("file_name_here and 5 * 3 = 15.");
  });
});

describe("plain-text import", () => {
  it("splits on blank lines, accepts CRLF, and never changes a paragraph's characters", () => {
    const text = "Titel der Meldung\r\n\r\nErster Absatz mit  zwei Leerzeichen.\r\n\r\n\r\nZweiter Absatz.";
    expect(splitPlainText(text)).toEqual([
      { kind: "title", text: "Titel der Meldung" },
      { kind: "paragraph", text: "Erster Absatz mit  zwei Leerzeichen." },
      { kind: "paragraph", text: "Zweiter Absatz." },
    ]);
  });

  it("treats a short line without final punctuation between paragraphs as a heading", () => {
    const kinds = splitPlainText("Titel der Meldung\n\nEin Absatz endet mit Punkt.\n\nZwischenüberschrift\n\nNoch ein Absatz.").map((s) => s.kind);
    expect(kinds).toEqual(["title", "paragraph", "heading", "paragraph"]);
  });

  it("recognises Chinese sentence punctuation", () => {
    const kinds = splitPlainText("OpenAI面临多重挑战\n\n这是一个段落。\n\n小标题\n\n他说：“这是引语。”").map((s) => s.kind);
    expect(kinds).toEqual(["title", "paragraph", "heading", "paragraph"]);
  });
});

describe("format detection", () => {
  it.each([
    ["a.txt", "txt"],
    ["A.MD", "md"],
    ["page.html", "html"],
    ["page.htm", "html"],
    ["file.docx", null],
  ])("%s → %s", (name, format) => {
    expect(textFormatOf(name)).toBe(format);
  });

  it("routes each format to its splitter", () => {
    expect(segmentText("<p>Hallo <b>Welt</b>.</p>", "html")).toEqual([{ kind: "paragraph", text: "Hallo Welt." }]);
    expect(segmentText("<p>Hallo</p>", "txt")[0].text).toBe("<p>Hallo</p>");
  });
});
