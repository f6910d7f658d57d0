import { describe, expect, it } from "vitest";
import { runChecks, type CheckVersion, type GlossaryEntry } from "@/lib/checks";
import { namesMatrix } from "@/lib/checks/matrix";
import { DEMO_LANGS, demoVersion } from "./fixtures/demo-article";

const demo: CheckVersion[] = DEMO_LANGS.map((lang) => demoVersion(lang));

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

  it("finds a name's Russian and Japanese forms by where they stand, with no glossary entry, inflected forms included", () => {
    expect(forms(row("Leike"), "ru")).toEqual([["Лейке", 4, false]]);
    expect(forms(row("Leike"), "ja")).toEqual([["ライケ", 3, false]]);
    expect(forms(row("Altman"), "ru")).toEqual([["Альтман", 2, false], ["Альтмана", 2, false]]);
    expect(forms(row("Schulman"), "ja")).toEqual([["シュルマン", 5, false]]);
    expect(forms(row("Musk"), "ru")).toEqual([["Маск", 3, false]]);
    // A wrong form of a name is counted in that name's row, not given one of its own.
    expect(forms(row("Leike"), "de")).toEqual([["Leike", 1, false], ["Lake", 3, true]]);
    expect(row("Lake")).toBeUndefined();
  });

  it("fills other-script cells only with forms that stand where the name does", () => {
    // Every Russian or Japanese word the matrix placed by position, against what the demo's translations write.
    const placed = rows.flatMap((r) => ["ru", "ja"].flatMap((v) => (r.cells[v]?.forms ?? []).filter((f) => !/\p{Script=Latin}/u.test(f.form)).map((f) => `${r.name}=${f.form}`)));
    expect(placed.sort()).toEqual(
      [
        "Altman=Альтман", "Altman=Альтмана", "Altman=アルトマン", "Amodei=Амодеи", "Amodei=アモデイ", "Brockman=Брокман", "Brockman=Брокмана",
        "Brockman=ブロックマン", "Governance=ガバナンス", "Leike=Лейке", "Leike=ライケ", "Musk=Маск", "Musk=マスク", "Schulman=Шульман",
        "Schulman=Шульмана", "Schulman=シュルマン", "Sutskever=Сузкевер", "Sutskever=Суцкевер", "Sutskever=サツケバー", "Sutskever=スツケヴェル", "Wei'an=Вэйань",
      ].sort(),
    );
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

  it("leaves a cell empty where the words at a name's positions do not single one out", () => {
    const versions = [
      version("en", "en", ["Today Altman and Brockman spoke.", "Later Altman and Brockman left.", "Nothing else."]),
      version("fr", "fr", ["Aujourd'hui Altman et Brockman ont parlé.", "Puis Altman et Brockman sont partis.", "Rien d'autre."]),
      // Both names always together: position alone cannot tell which is which.
      version("ru", "ru", ["Сегодня говорили Альтман и Брокман.", "Потом ушли Альтман и Брокман.", "Больше ничего."]),
    ];
    const rows = matrix(versions, []);
    expect(rows.find((r) => r.name === "Altman")?.cells.ru).toBeUndefined();
    expect(rows.find((r) => r.name === "Brockman")?.cells.ru).toBeUndefined();
  });
});
