// Search in the workspace matches the same segments on SQLite and on PostgreSQL:
// "contains", ignoring the case of ASCII letters only (SQLite's LIKE), wildcards taken literally.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { importVersion } from "@/lib/server/import-version";
import { getWorkspace } from "@/lib/server/workspace";
import { bytes, makeActor, uniqueSlug } from "./helpers";

let editor: Actor;
let slug: string;

const SOURCE = ["Search test", "Sutskever left OpenAI.", "Über die Straße.", "Growth of 1000 units.", "Growth of 100% in a year.", "snake_case and kebab-case."];

beforeAll(async () => {
  editor = await makeActor("editor");
  slug = uniqueSlug("search");
  await importVersion(editor, { slug, lang: "de", fileName: "de.txt", isSource: true, bytes: bytes(SOURCE.join("\n\n")) });
});

async function found(q: string): Promise<number[]> {
  return (await getWorkspace(editor, slug, { q })).positions;
}

describe("workspace search", () => {
  it("ignores the case of ASCII letters", async () => {
    expect(await found("sutskever")).toEqual([2]);
    expect(await found("OPENAI")).toEqual([2]);
    expect(await found("STRASSE")).toEqual([]);
  });

  it("does not fold the case of other letters, on PostgreSQL as on SQLite", async () => {
    expect(await found("Über")).toEqual([3]);
    expect(await found("über")).toEqual([]);
    expect(await found("ÜBER")).toEqual([3]);
    expect(await found("üBER")).toEqual([]);
    expect(await found("straße")).toEqual([3]);
  });

  it("takes % and _ literally", async () => {
    expect(await found("100%")).toEqual([5]);
    expect(await found("snake_case")).toEqual([6]);
    expect(await found("e_c")).toEqual([6]);
    expect(await found("a_e")).toEqual([]);
  });
});
