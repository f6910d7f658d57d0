import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { importVersion } from "@/lib/server/import-version";
import { setReviewMark } from "@/lib/server/segments";
import { getWorkspace, saveWorkspacePreferences } from "@/lib/server/workspace";
import { WORKSPACE_PAGE_SIZE } from "@/lib/validation/workspace";
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
