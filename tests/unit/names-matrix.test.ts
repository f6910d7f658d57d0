import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runChecks, type CheckVersion, type GlossaryEntry } from "@/lib/checks";
import { namesMatrix } from "@/lib/checks/matrix";
import { splitPlainText } from "@/lib/text";

const seed = path.resolve(__dirname, "../../prisma/seed-data");
const FILES: Record<string, string> = { zh: "zh.txt", de: "000_fd11f6bd83abf008.txt", en: "en.txt", fr: "fr.txt", es: "es.txt", ru: "ru.txt", ja: "ja.txt" };
const demo: CheckVersion[] = Object.entries(FILES).map(([lang, file]) => ({
  id: lang,
  lang,
  label: lang,
  isSource: lang === "zh",
  segments: splitPlainText(fs.readFileSync(path.join(seed, file), "utf8")).map((block, i) => ({ position: i + 1, kind: block.kind, text: block.text })),
}));

function matrix(versions: CheckVersion[], glossary: GlossaryEntry[]) {
  const byVersion = runChecks({ source: versions.find((v) => v.isSource) ?? null, versions: versions.filter((v) => !v.isSource), glossary });
  const findings = [...byVersion].flatMap(([versionId, list]) => {
    const segments = versions.find((v) => v.id === versionId)!.segments;
    return list.map((f) => ({ ...f, versionId, quote: segments.find((s) => s.position === f.position)?.text.slice(f.start, f.end) ?? "" }));
  });
  return namesMatrix({ versions, glossary, findings });
}

const forms = (row: ReturnType<typeof matrix>[number] | undefined, versionId: string) =>
  row?.cells[versionId]?.forms.map((f) => [f.form, f.count, f.outlier]);

describe("names matrix on the demo article", () => {
  // The demo's glossary has the Russian and Japanese forms of Sutskever as terms of their own.
  const glossary: GlossaryEntry[] = [
    { lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] },
    { lang: "ru", canonical: "Суцкевер", variants: ["Сузкевер"] },
    { lang: "ja", canonical: "サツケバー", variants: ["スツケヴェル"] },
  ];
  const rows = matrix(demo, glossary);
  const row = (name: string) => rows.find((r) => r.name === name);

  it("puts the Russian and Japanese forms of a name in its row, where they stand at the same positions", () => {
    expect(forms(row("Sutskever"), "de")).toEqual([["Sutskever", 1, false], ["Suzkwer", 1, true]]);
    expect(forms(row("Sutskever"), "ru")).toEqual([["Суцкевер", 1, false], ["Сузкевер", 1, true]]);
    expect(forms(row("Sutskever"), "ja")).toEqual([["サツケバー", 1, false], ["スツケヴェル", 1, true]]);
    expect(row("Sutskever")!.outliers).toBe(5);
    expect(row("Суцкевер")).toBeUndefined();
    expect(row("サツケバー")).toBeUndefined();
  });

  it("takes no names from a language switcher copied with the text", () => {
    expect(rows.filter((r) => /Deutsch|English|Français/.test(r.name)).map((r) => r.name)).toEqual([]);
    expect(row("Anthropic")).toBeDefined();
  });
});

describe("names matrix across scripts", () => {
  const version = (id: string, lang: string, texts: string[]): CheckVersion => ({
    id,
    lang,
    label: id,
    isSource: false,
    segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })),
  });

  it("keeps a non-Latin name in a row of its own when no Latin name stands where it does", () => {
    const versions = [
      version("de", "de", ["Heute sprach Altman mit Reportern.", "Morgen reist Altman nach Berlin.", "Dann war es still."]),
      version("en", "en", ["Today Altman spoke to reporters.", "Tomorrow Altman travels to Berlin.", "Then it was quiet."]),
      version("ru", "ru", ["Сегодня Альтман говорил с журналистами.", "Завтра Альтмн едет в Берлин.", "Потом Сутскевер молчал."]),
    ];
    // Glossary variants make the Russian rows (the names check reads Latin-script names only).
    const rows = matrix(versions, [{ lang: "ru", canonical: "Альтман", variants: ["Альтмн"] }, { lang: "ru", canonical: "Суцкевер", variants: ["Сутскевер"] }]);
    expect(forms(rows.find((r) => r.name === "Altman"), "ru")).toEqual([["Альтман", 1, false], ["Альтмн", 1, true]]);
    expect(forms(rows.find((r) => r.name === "Суцкевер"), "ru")).toEqual([["Сутскевер", 1, true]]);
  });
});
