import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { importVersion } from "@/lib/server/import-version";
import { setReviewMark } from "@/lib/server/segments";
import { getWorkspace, getWorkspaceRows, saveWorkspacePreferences } from "@/lib/server/workspace";
import { firstRowCount, WORKSPACE_PAGE_SIZE } from "@/lib/validation/workspace";
import { bytes, makeActor, uniqueSlug } from "./helpers";

let reviewer: Actor;
let slug: string;

const paragraphs = (lang: string, count: number) =>
  Array.from({ length: count }, (_, i) => (i === 0 ? `Title ${lang}` : `Paragraph ${i + 1} in ${lang} with Suzkwer${i % 7 === 0 ? " und Lake" : ""}.`)).join("\n\n");

beforeAll(async () => {
  reviewer = await makeActor("reviewer");
  slug = uniqueSlug("ws");
  await importVersion(reviewer.kind === "user" ? { ...reviewer, role: "editor" } : reviewer, { slug, lang: "en", fileName: "en.txt", bytes: bytes(paragraphs("en", 120)), isSource: true });
  for (const lang of ["de", "fr"]) {
    await importVersion({ kind: "system", label: "test" }, { slug, lang, fileName: `${lang}.txt`, bytes: bytes(paragraphs(lang, lang === "fr" ? 110 : 120)) });
  }
});

describe("getWorkspace", () => {
  it("pages long articles and shows every version by default", async () => {
    const first = await getWorkspace(reviewer, slug);
    expect(first.matchingCount).toBe(120);
    expect(first.pageCount).toBe(Math.ceil(120 / WORKSPACE_PAGE_SIZE));
    expect(first.positions).toHaveLength(WORKSPACE_PAGE_SIZE);
    expect(first.shownVersionIds).toHaveLength(2);
    const last = await getWorkspace(reviewer, slug, { page: first.pageCount });
    expect(last.positions.at(-1)).toBe(120);
    const fr = first.versions.find((v) => v.lang === "fr")!;
    expect(last.cells[fr.id]?.[120]).toBeUndefined();
    expect(fr.progress).toEqual({ total: 110, reviewed: 0, open: { major: 0, minor: 0, neutral: 0 } });
  });

  it("sends the first rows' cells with the page, and the rest of the page's rows on request, the same cells", async () => {
    const whole = await getWorkspace(reviewer, slug);
    const first = await getWorkspace(reviewer, slug, {}, { rows: "first" });
    expect(first.positions).toEqual(whole.positions);
    expect(first.loadedRows).toBe(firstRowCount(3));
    expect(first.loadedRows).toBeLessThan(first.positions.length);
    const de = first.versions.find((v) => v.lang === "de")!;
    expect(Object.keys(first.cells[de.id]).map(Number)).toEqual(first.positions.slice(0, first.loadedRows));

    const columns = [first.versions.find((v) => v.isSource)!.id, ...first.shownVersionIds];
    const rest = await getWorkspaceRows(reviewer, slug, { positions: first.positions.slice(first.loadedRows), versionIds: columns });
    for (const id of columns) {
      expect({ ...first.cells[id], ...rest.cells[id] }).toEqual(whole.cells[id]);
    }

    const foreign = await importVersion({ kind: "system", label: "test" }, { slug: uniqueSlug("rows"), lang: "en", fileName: "o.txt", bytes: bytes("Other\n\nText."), isSource: true });
    await expect(getWorkspaceRows(reviewer, slug, { positions: [30], versionIds: [foreign.versionId] })).rejects.toThrow(NotFoundError);
    await expect(getWorkspaceRows(reviewer, slug, { positions: [Number("x")], versionIds: columns })).rejects.toThrow(ValidationError);
    await expect(getWorkspaceRows(null, slug, { positions: [30], versionIds: columns })).rejects.toThrow();
  });

  it("filters by open annotations, by unreviewed cells and by text", async () => {
    const workspace = await getWorkspace(reviewer, slug);
    const de = workspace.versions.find((v) => v.lang === "de")!;
    const cell = workspace.cells[de.id][8];
    const start = cell.text.indexOf("Lake");
    await createAnnotation(reviewer, cell.id, { start, end: start + 4, quote: "Lake", category: "Accuracy/Mistranslation/Entity", severity: "major" });

    const open = await getWorkspace(reviewer, slug, { open: "1" });
    expect(open.positions).toEqual([8]);
    expect(open.versions.find((v) => v.lang === "de")!.progress.open.major).toBe(1);

    const search = await getWorkspace(reviewer, slug, { q: "und Lake" });
    expect(search.positions).toEqual([8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92, 99, 106, 113, 120]);

    for (const position of [1, 2, 3]) {
      for (const version of workspace.versions.filter((v) => !v.isSource)) await setReviewMark(reviewer, workspace.cells[version.id][position].id);
    }
    const unreviewed = await getWorkspace(reviewer, slug, { unreviewed: "true" });
    expect(unreviewed.matchingCount).toBe(117);
    expect(unreviewed.positions[0]).toBe(4);
    expect((await getWorkspace(reviewer, slug)).versions.find((v) => v.lang === "de")!.progress.reviewed).toBe(3);
  });

  it("remembers the chosen versions and layout per user, and refuses versions of other articles", async () => {
    const workspace = await getWorkspace(reviewer, slug);
    const fr = workspace.versions.find((v) => v.lang === "fr")!;
    await saveWorkspacePreferences(reviewer, slug, { versionIds: [fr.id], layout: "rows" });
    const again = await getWorkspace(reviewer, slug);
    expect(again.shownVersionIds).toEqual([fr.id]);
    expect(again.layout).toBe("rows");
    const other = await makeActor("editor");
    expect((await getWorkspace(other, slug)).shownVersionIds).toHaveLength(2);

    const otherSlug = uniqueSlug("other");
    const created = await importVersion({ kind: "system", label: "test" }, { slug: otherSlug, lang: "en", fileName: "o.txt", bytes: bytes("Other title\n\nText."), isSource: true });
    const foreign = await db.version.findUniqueOrThrow({ where: { id: created.versionId } });
    await expect(saveWorkspacePreferences(reviewer, slug, { versionIds: [foreign.id] })).rejects.toThrow(ValidationError);
  });
});
