import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import {
  createGlossaryTerm,
  deleteGlossaryTerm,
  exportGlossaryCsv,
  importGlossaryCsv,
  listGlossaryTerms,
  updateGlossaryTerm,
} from "@/lib/server/glossary";
import { bytes, makeActor, uniqueSlug } from "./helpers";

const HEADER = "lang,canonical,variants,note,article\r\n";

let editor: Actor & { kind: "user" };
let admin: Actor;
let reviewer: Actor;
let slug: string;

// Each test works in its own private-use language (qaa–qtz), so other files' terms never interfere.
let nextLang = 0;
const privateLang = () => `q${String.fromCharCode(97 + Math.floor(nextLang / 26))}${String.fromCharCode(97 + (nextLang++ % 26))}`;

async function glossaryState() {
  const [terms, audit] = await Promise.all([db.glossaryTerm.count(), db.auditEvent.count()]);
  return { terms, audit };
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("the call was accepted");
}

beforeAll(async () => {
  editor = (await makeActor("editor")) as Actor & { kind: "user" };
  admin = await makeActor("admin");
  reviewer = await makeActor("reviewer");
  slug = uniqueSlug("glossary");
  await db.article.create({ data: { slug, title: "Glossary test article", sourceLang: "zh" } });
});

describe("glossary terms", () => {
  it("creates, lists, updates and deletes a term, auditing each change with before and after", async () => {
    const lang = privateLang();
    const term = await createGlossaryTerm(editor, { lang, canonical: "Sutskever", variants: ["Suzkwer", " Suzkwer "], note: "Ilya Sutskever" });
    expect(term).toMatchObject({ lang, canonical: "Sutskever", variants: ["Suzkwer"], note: "Ilya Sutskever", article: null });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: term.id, action: "glossary.create" } })).toMatchObject({
      actorId: editor.id,
      after: { lang, canonical: "Sutskever", variants: ["Suzkwer"], note: "Ilya Sutskever", article: null },
    });

    const updated = await updateGlossaryTerm(admin, term.id, { lang, canonical: "Sutskever", variants: ["Suzkwer", "Sutzkever"], note: "", articleSlug: slug });
    expect(updated).toMatchObject({ variants: ["Suzkwer", "Sutzkever"], note: null, article: { slug, title: "Glossary test article" } });
    const update = await db.auditEvent.findFirstOrThrow({ where: { entityId: term.id, action: "glossary.update" } });
    expect(update.before).toMatchObject({ variants: ["Suzkwer"], note: "Ilya Sutskever", article: null });
    expect(update.after).toMatchObject({ variants: ["Suzkwer", "Sutzkever"], note: null, article: slug });

    expect((await listGlossaryTerms(reviewer, { lang })).map((row) => row.id)).toEqual([term.id]);
    expect(await listGlossaryTerms(reviewer, { lang, q: "SUTZK" })).toHaveLength(1);
    expect(await listGlossaryTerms(reviewer, { lang, q: "Leike" })).toHaveLength(0);

    await deleteGlossaryTerm(editor, term.id);
    expect(await db.glossaryTerm.findUnique({ where: { id: term.id } })).toBeNull();
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: term.id, action: "glossary.delete" } })).toMatchObject({
      before: { canonical: "Sutskever", variants: ["Suzkwer", "Sutzkever"], article: slug },
    });
    expect(await refusal(deleteGlossaryTerm(editor, term.id))).toBeInstanceOf(NotFoundError);
  });

  it("lists an article's terms together with the global ones", async () => {
    const lang = privateLang();
    const other = uniqueSlug("glossary-other");
    await db.article.create({ data: { slug: other, title: "Another article", sourceLang: "en" } });
    await createGlossaryTerm(editor, { lang, canonical: "Leike", variants: ["Lake"] });
    await createGlossaryTerm(editor, { lang, canonical: "Gemini", variants: ["Geimini"], articleSlug: slug });
    await createGlossaryTerm(editor, { lang, canonical: "Anthropic", articleSlug: other });
    expect((await listGlossaryTerms(reviewer, { lang, articleSlug: slug })).map((row) => row.canonical)).toEqual(["Gemini", "Leike"]);
    expect((await listGlossaryTerms(reviewer, { lang })).map((row) => row.canonical)).toEqual(["Anthropic", "Gemini", "Leike"]);
    expect(await refusal(listGlossaryTerms(reviewer, { articleSlug: "no-such-article" }))).toBeInstanceOf(NotFoundError);
  });

  it("refuses a duplicate in the same scope, an unknown article and a bad field, writing nothing", async () => {
    const lang = privateLang();
    const term = await createGlossaryTerm(editor, { lang, canonical: "Leike", variants: ["Lake"] });
    const other = await createGlossaryTerm(editor, { lang, canonical: "Leike", articleSlug: slug });
    const before = await glossaryState();
    expect(await refusal(createGlossaryTerm(editor, { lang, canonical: "Leike" }))).toMatchObject({ details: { field: "canonical", reason: "exists" } });
    expect(await refusal(updateGlossaryTerm(editor, other.id, { lang, canonical: "Leike" }))).toBeInstanceOf(ConflictError);
    expect(await refusal(createGlossaryTerm(editor, { lang, canonical: "Karpathy", articleSlug: "no-such-article" }))).toMatchObject({
      details: { reason: "unknownArticle" },
    });
    const bad = await refusal(updateGlossaryTerm(editor, term.id, { lang: "German", canonical: "Leike" }));
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.message).toBe("lang: not a BCP-47 language tag");
    expect(await refusal(createGlossaryTerm(editor, { lang, canonical: "Leike", variants: ["La|ke"] }))).toMatchObject({
      details: { field: "variants", reason: "variantSeparator" },
    });
    expect(await glossaryState()).toEqual(before);
  });

  it("refuses every change by a reviewer with ForbiddenError and writes nothing", async () => {
    const lang = privateLang();
    const term = await createGlossaryTerm(editor, { lang, canonical: "Altman" });
    const before = await glossaryState();
    const csv = bytes(`${HEADER}${lang},Brockman,,,\r\n`);
    for (const call of [
      createGlossaryTerm(reviewer, { lang, canonical: "Brockman" }),
      updateGlossaryTerm(reviewer, term.id, { lang, canonical: "Altmann" }),
      deleteGlossaryTerm(reviewer, term.id),
      importGlossaryCsv(reviewer, { fileName: "glossary.csv", bytes: csv }),
    ]) {
      expect(await refusal(call)).toBeInstanceOf(ForbiddenError);
    }
    expect(await glossaryState()).toEqual(before);
    expect((await exportGlossaryCsv(reviewer, { lang })).body).toContain(`${lang},Altman,,,`);
  });
});

describe("glossary CSV", () => {
  it("imports a file in one go and audits it", async () => {
    const lang = privateLang();
    const csv = `${HEADER}${lang},Sutskever,Suzkwer|Sutzkever,Ilya Sutskever,\r\n${lang},Gemini,Geimini,,${slug}\r\n`;
    expect(await importGlossaryCsv(editor, { fileName: "glossary.csv", bytes: bytes(csv) })).toEqual({ file: "glossary.csv", created: 2, updated: 0, unchanged: 0 });
    expect(await listGlossaryTerms(reviewer, { lang })).toMatchObject([
      { canonical: "Gemini", variants: ["Geimini"], note: null, article: { slug } },
      { canonical: "Sutskever", variants: ["Suzkwer", "Sutzkever"], note: "Ilya Sutskever", article: null },
    ]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "glossary.import", actorId: editor.id }, orderBy: { at: "desc" } })).toMatchObject({
      after: { file: "glossary.csv", created: 2, updated: 0, unchanged: 0, replace: false },
    });
  });

  it("round-trips: export, import with replace, export again gives the same file and changes nothing", async () => {
    const lang = privateLang();
    await createGlossaryTerm(editor, { lang, canonical: "Leike, Jan", variants: ["Lake"], note: 'the MT wrote "Lake"\nin two places', articleSlug: slug });
    await createGlossaryTerm(editor, { lang, canonical: "Sutskever", variants: ["Suzkwer", "Sutzkever"], note: "Ilya Sutskever" });
    await createGlossaryTerm(editor, { lang, canonical: "サツケバー", variants: ["スツケヴェル"] });
    const first = await exportGlossaryCsv(reviewer, { lang });
    expect(first).toMatchObject({ fileName: `glossary-${lang}.csv`, mediaType: "text/csv; charset=utf-8" });
    expect(first.body).toContain(`${lang},"Leike, Jan",Lake,"the MT wrote ""Lake""\nin two places",${slug}\r\n`);

    const before = await glossaryState();
    expect(await importGlossaryCsv(editor, { fileName: "glossary.csv", bytes: bytes(first.body), replace: true })).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await exportGlossaryCsv(reviewer, { lang })).body).toBe(first.body);
    expect((await glossaryState()).terms).toBe(before.terms);
  });

  it("replace updates the variants and note of existing terms; without it a known term refuses the file", async () => {
    const lang = privateLang();
    await createGlossaryTerm(editor, { lang, canonical: "Leike", variants: ["Lake"] });
    const csv = bytes(`${HEADER}${lang},Karpathy,,,\r\n${lang},Leike,Lake|Leik,Jan Leike,\r\n`);
    const before = await glossaryState();
    const conflict = await refusal(importGlossaryCsv(editor, { fileName: "more.csv", bytes: csv }));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toMatch(/^more\.csv line 3, field "canonical": "Leike" \(qa.\) is already in the glossary/);
    expect(await glossaryState()).toEqual(before);

    expect(await importGlossaryCsv(editor, { fileName: "more.csv", bytes: csv, replace: true })).toMatchObject({ created: 1, updated: 1 });
    expect(await listGlossaryTerms(reviewer, { lang })).toMatchObject([
      { canonical: "Karpathy", variants: [] },
      { canonical: "Leike", variants: ["Lake", "Leik"], note: "Jan Leike" },
    ]);
  });

  it("refuses the whole file for one bad row, naming file, line and field", async () => {
    const lang = privateLang();
    const rows = [`${lang},Altman,,,`, `${lang},Brockman,,,`, `${lang},Schulman,,,`, `${lang},Amodei,,,`, `${lang},Karpathy,,,`];
    const cases: [string, string][] = [
      [`${HEADER}${rows.join("\r\n")}\r\nGerman,Leike,Lake,,\r\n`, 'glossary.csv line 7, field "lang": not a BCP-47 language tag'],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},,Lake,,\r\n`, 'glossary.csv line 7, field "canonical": must not be empty'],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},Leike,,,no-such-article\r\n`, 'glossary.csv line 7, field "article": unknown article "no-such-article"'],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},Leike,,,Not A Slug\r\n`, 'glossary.csv line 7, field "article": not an article slug (lower-case letters, digits and single hyphens)'],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},Leike,,${"x".repeat(2001)},\r\n`, 'glossary.csv line 7, field "note": at most 2000 characters'],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},Brockman,,,\r\n`, 'glossary.csv line 7, field "canonical": "Brockman" (' + lang + ") repeats line 3"],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},Leike,Lake\r\n`, "glossary.csv line 7: expected 5 fields, found 3"],
      [`${HEADER}${rows.join("\r\n")}\r\n${lang},"Leike"x,,,\r\n`, 'glossary.csv line 7, field "canonical": a quoted field must end at a comma or the end of the line'],
      [`lang,canonical,variants\r\n${rows.join("\r\n")}\r\n`, 'glossary.csv line 1: the header must be "lang,canonical,variants,note,article"'],
    ];
    const before = await glossaryState();
    for (const [csv, message] of cases) {
      const error = await refusal(importGlossaryCsv(editor, { fileName: "glossary.csv", bytes: bytes(csv) }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
    }
    const notUtf8 = await refusal(importGlossaryCsv(editor, { fileName: "latin1.csv", bytes: Buffer.from(`${HEADER}${lang},M\xfcller,,,\r\n`, "latin1") }));
    expect(notUtf8.message).toMatch(/^latin1\.csv: not valid UTF-8/);
    expect(await glossaryState()).toEqual(before);
    expect(await listGlossaryTerms(reviewer, { lang })).toEqual([]);
  });

  it("reads quoted commas, doubled quotes and line breaks, and a BOM", async () => {
    const lang = privateLang();
    const csv = `\uFEFF${HEADER}${lang},"Leike, Jan","Lake|Leik",\"He wrote \"\"Lake\"\",\r\nnot Leike\",\r\n${lang},Sutskever,Suzkwer,,\r\n`;
    expect(await importGlossaryCsv(editor, { fileName: "quoted.csv", bytes: bytes(csv) })).toMatchObject({ created: 2 });
    expect(await listGlossaryTerms(reviewer, { lang })).toMatchObject([
      { canonical: "Leike, Jan", variants: ["Lake", "Leik"], note: 'He wrote "Lake",\nnot Leike' },
      { canonical: "Sutskever", variants: ["Suzkwer"], note: null },
    ]);
    // The BOM is dropped: the first column is still "lang".
    expect(await db.glossaryTerm.count({ where: { lang } })).toBe(2);
  });
});
