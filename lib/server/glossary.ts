import type { z } from "zod";
import { GlossaryCsvError, readGlossaryCsv, writeGlossaryCsv, type GlossaryCsvColumn, type GlossaryCsvRow } from "../formats/glossary-csv";
import { decodeUtf8, EncodingError } from "../text/decode";
import {
  glossaryFilterSchema,
  glossaryImportSchema,
  glossaryTermSchema,
  termIssueReason,
  type GlossaryFilter,
  type GlossaryTermData,
  type GlossaryTermInput,
} from "../validation/glossary";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { validate } from "./validate";

export interface GlossaryTermRow {
  id: string;
  lang: string;
  canonical: string;
  variants: string[];
  note: string | null;
  /** Null for a global term. */
  article: { slug: string; title: string } | null;
  updatedAt: Date;
}

const TERM_SELECT = {
  id: true,
  articleId: true,
  lang: true,
  canonical: true,
  variants: true,
  note: true,
  updatedAt: true,
  article: { select: { slug: true, title: true } },
} satisfies Prisma.GlossaryTermSelect;
type TermRecord = Prisma.GlossaryTermGetPayload<{ select: typeof TERM_SELECT }>;

function variantsOf(json: Prisma.JsonValue): string[] {
  return Array.isArray(json) ? json.filter((value): value is string => typeof value === "string") : [];
}

function toRow(term: TermRecord): GlossaryTermRow {
  return { id: term.id, lang: term.lang, canonical: term.canonical, variants: variantsOf(term.variants), note: term.note, article: term.article, updatedAt: term.updatedAt };
}

/** What the audit log keeps of a term. */
function snapshot(term: { lang: string; canonical: string; variants: Prisma.JsonValue | string[]; note: string | null; article: { slug: string } | null }) {
  return { lang: term.lang, canonical: term.canonical, variants: variantsOf(term.variants), note: term.note, article: term.article?.slug ?? null };
}

const REASON_TEXT: Record<string, (max?: number) => string> = {
  invalidLang: () => "not a BCP-47 language tag",
  invalidSlug: () => "not an article slug (lower-case letters, digits and single hyphens)",
  required: () => "must not be empty",
  tooLong: (max) => `at most ${max} characters`,
  tooManyVariants: (max) => `at most ${max} variants`,
  variantSeparator: () => 'a variant must not contain "|"',
  invalid: () => "not valid",
};

/** The first refused field of a term, with the reason code the UI translates. */
function termIssue(error: z.ZodError) {
  const issue = error.issues[0];
  const field = String(issue.path[0] ?? "");
  const { reason, max } = termIssueReason(issue);
  return { field, reason, max, text: REASON_TEXT[reason](max) };
}

function validTerm(input: unknown): GlossaryTermData {
  const parsed = glossaryTermSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, reason, max, text } = termIssue(parsed.error);
  throw new ValidationError(`${field}: ${text}`, { field, reason, ...(max === undefined ? {} : { max }) });
}

async function articleIdOf(tx: Tx, slug: string | null): Promise<string | null> {
  if (!slug) return null;
  const article = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`, { field: "articleSlug", reason: "unknownArticle", slug });
  return article.id;
}

/** Refuses a second term with the same scope, language and canonical form (SQLite's unique index lets NULL scopes repeat). */
async function assertUnique(tx: Tx, term: GlossaryTermData, articleId: string | null, exceptId?: string): Promise<void> {
  const clash = await tx.glossaryTerm.findFirst({
    where: { articleId, lang: term.lang, canonical: term.canonical, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    throw new ConflictError(`"${term.canonical}" (${term.lang}) is already in the glossary${term.articleSlug ? ` of ${term.articleSlug}` : ""}`, {
      field: "canonical",
      reason: "exists",
      id: clash.id,
    });
  }
}

async function insertTerm(tx: Tx, actor: Actor, term: GlossaryTermData): Promise<TermRecord> {
  const articleId = await articleIdOf(tx, term.articleSlug);
  await assertUnique(tx, term, articleId);
  const created = await tx.glossaryTerm.create({
    data: { articleId, lang: term.lang, canonical: term.canonical, variants: term.variants, note: term.note },
    select: TERM_SELECT,
  });
  await appendAudit(tx, actor, { action: "glossary.create", entityType: "glossaryTerm", entityId: created.id, articleId, after: snapshot(created) });
  return created;
}

/** Adds glossary terms in one transaction; a duplicate (scope, language, canonical form) refuses all. */
export async function createGlossaryTerms(actor: Actor | null, inputs: GlossaryTermInput[]): Promise<number> {
  authorize(actor, "glossary.edit");
  const terms = inputs.map((input, index) => {
    try {
      return validTerm(input);
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(`term ${index + 1}: ${error.message}`, error.details);
      throw error;
    }
  });
  return db.$transaction(async (tx) => {
    for (const [index, term] of terms.entries()) {
      try {
        await insertTerm(tx, actor, term);
      } catch (error) {
        if (error instanceof ConflictError) throw new ConflictError(`term ${index + 1}: ${error.message}`, error.details);
        if (error instanceof NotFoundError) throw new NotFoundError(`term ${index + 1}: ${error.message}`, error.details);
        throw error;
      }
    }
    return terms.length;
  });
}

/** Adds one glossary term (form and `POST /api/v1/glossary`). */
export async function createGlossaryTerm(actor: Actor | null, input: GlossaryTermInput): Promise<GlossaryTermRow> {
  authorize(actor, "glossary.edit");
  const term = validTerm(input);
  return toRow(await db.$transaction((tx) => insertTerm(tx, actor, term)));
}

async function findTerm(tx: Tx, id: string): Promise<TermRecord> {
  const term = await tx.glossaryTerm.findUnique({ where: { id }, select: TERM_SELECT });
  if (!term) throw new NotFoundError(`no glossary term with id ${id}`, { field: "id", reason: "termNotFound" });
  return term;
}

/** Replaces a term's language, canonical form, variants, note and scope. */
export async function updateGlossaryTerm(actor: Actor | null, id: string, input: GlossaryTermInput): Promise<GlossaryTermRow> {
  authorize(actor, "glossary.edit");
  const term = validTerm(input);
  return db.$transaction(async (tx) => {
    const current = await findTerm(tx, id);
    const articleId = await articleIdOf(tx, term.articleSlug);
    await assertUnique(tx, term, articleId, id);
    const updated = await tx.glossaryTerm.update({
      where: { id },
      data: { articleId, lang: term.lang, canonical: term.canonical, variants: term.variants, note: term.note },
      select: TERM_SELECT,
    });
    await appendAudit(tx, actor, {
      action: "glossary.update",
      entityType: "glossaryTerm",
      entityId: id,
      articleId: articleId ?? current.articleId,
      before: snapshot(current),
      after: snapshot(updated),
    });
    return toRow(updated);
  });
}

export async function deleteGlossaryTerm(actor: Actor | null, id: string): Promise<{ id: string }> {
  authorize(actor, "glossary.edit");
  return db.$transaction(async (tx) => {
    const current = await findTerm(tx, id);
    await tx.glossaryTerm.delete({ where: { id } });
    await appendAudit(tx, actor, { action: "glossary.delete", entityType: "glossaryTerm", entityId: id, articleId: current.articleId, before: snapshot(current) });
    return { id };
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Terms by language, then canonical form. `articleSlug` keeps the terms that
 * apply to that article (global ones and its own); `q` matches the canonical
 * form, a variant or the note, ignoring case.
 */
export async function listGlossaryTerms(actor: Actor | null, filter: GlossaryFilter = {}): Promise<GlossaryTermRow[]> {
  authorize(actor, "article.read");
  const { lang, articleSlug, q } = validate(glossaryFilterSchema, filter);
  const where: Prisma.GlossaryTermWhereInput = {};
  if (lang) where.lang = lang;
  if (articleSlug) {
    const article = await db.article.findUnique({ where: { slug: articleSlug }, select: { id: true } });
    if (!article) throw new NotFoundError(`unknown article "${articleSlug}"`, { field: "article", reason: "unknownArticle" });
    where.OR = [{ articleId: null }, { articleId: article.id }];
  }
  const needle = q?.toLocaleLowerCase();
  const rows = (await db.glossaryTerm.findMany({ where, select: TERM_SELECT })).map(toRow);
  return rows
    .filter((row) => !needle || [row.canonical, ...row.variants, row.note ?? ""].some((text) => text.toLocaleLowerCase().includes(needle)))
    .sort(
      (a, b) =>
        byCodeUnits(a.lang, b.lang) ||
        a.canonical.localeCompare(b.canonical, "en") ||
        byCodeUnits(a.canonical, b.canonical) ||
        byCodeUnits(a.article?.slug ?? "", b.article?.slug ?? ""),
    );
}

/** The languages that have terms and the articles a term can be scoped to. */
export async function glossaryOptions(actor: Actor | null): Promise<{ languages: string[]; articles: { slug: string; title: string }[] }> {
  authorize(actor, "article.read");
  const [languages, articles] = await Promise.all([
    db.glossaryTerm.groupBy({ by: ["lang"], orderBy: { lang: "asc" } }),
    db.article.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true } }),
  ]);
  return { languages: languages.map((row) => row.lang), articles };
}

/** The filtered glossary as CSV (see README, "Glossary"); importing it again changes nothing. */
export async function exportGlossaryCsv(actor: Actor | null, filter: GlossaryFilter = {}): Promise<{ fileName: string; mediaType: string; body: string }> {
  const terms = await listGlossaryTerms(actor, filter);
  const { lang, articleSlug } = validate(glossaryFilterSchema, filter);
  return {
    fileName: `${["glossary", articleSlug, lang].filter(Boolean).join("-")}.csv`,
    mediaType: "text/csv; charset=utf-8",
    body: writeGlossaryCsv(terms.map((term) => ({ ...term, article: term.article?.slug ?? null }))),
  };
}

export interface GlossaryImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Update the variants and note of terms that already exist instead of refusing the file. */
  replace?: boolean;
}

export interface GlossaryImportResult {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
}

const COLUMN_OF_FIELD: Record<string, GlossaryCsvColumn> = { lang: "lang", canonical: "canonical", variants: "variants", note: "note", articleSlug: "article" };

/** Bad input in an uploaded file: file, line and field in the message and in the details the UI translates. */
function fileError(file: string, at: { line?: number; field?: string | null }, reason: string, text: string, values: Record<string, unknown> = {}) {
  const where = at.line === undefined ? "" : ` line ${at.line}${at.field ? `, field "${at.field}"` : ""}`;
  return new ValidationError(`${file}${where}: ${text}`, { file, ...(at.line === undefined ? {} : { line: at.line }), field: at.field ?? null, reason, ...values });
}

function readRows(file: string, bytes: Uint8Array): GlossaryCsvRow[] {
  try {
    return readGlossaryCsv(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof EncodingError) throw fileError(file, {}, "notUtf8", error.message);
    if (error instanceof GlossaryCsvError) throw fileError(file, { line: error.line, field: error.field }, error.problem, error.message, error.values);
    throw error;
  }
}

function validRow(file: string, row: GlossaryCsvRow): GlossaryTermData {
  const parsed = glossaryTermSchema.safeParse({ lang: row.lang, canonical: row.canonical, variants: row.variants, note: row.note, articleSlug: row.article });
  if (parsed.success) return parsed.data;
  const { field, reason, max, text } = termIssue(parsed.error);
  throw fileError(file, { line: row.line, field: COLUMN_OF_FIELD[field] ?? field }, reason, text, max === undefined ? {} : { max });
}

/**
 * Imports a glossary CSV file in one transaction: any bad row refuses the whole
 * file. A term that already exists in its scope refuses too, unless `replace`,
 * which updates its variants and note.
 */
export async function importGlossaryCsv(actor: Actor | null, request: GlossaryImportRequest): Promise<GlossaryImportResult> {
  authorize(actor, "glossary.edit");
  const { fileName: file, replace } = validate(glossaryImportSchema, { fileName: request.fileName, replace: request.replace ?? false });
  const terms = readRows(file, request.bytes).map((row) => ({ line: row.line, ...validRow(file, row) }));

  const firstLine = new Map<string, number>();
  for (const term of terms) {
    const key = JSON.stringify([term.articleSlug, term.lang, term.canonical]);
    const first = firstLine.get(key);
    if (first !== undefined) {
      throw fileError(file, { line: term.line, field: "canonical" }, "duplicateInFile", `"${term.canonical}" (${term.lang}) repeats line ${first}`, { otherLine: first });
    }
    firstLine.set(key, term.line);
  }

  return db.$transaction(
    async (tx) => {
      const slugs = [...new Set(terms.map((term) => term.articleSlug).filter((slug): slug is string => Boolean(slug)))];
      const articleIds = new Map((await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
      const existing = new Map(
        (await tx.glossaryTerm.findMany({ where: { lang: { in: [...new Set(terms.map((term) => term.lang))] } }, select: TERM_SELECT })).map((term) => [
          JSON.stringify([term.articleId, term.lang, term.canonical]),
          term,
        ]),
      );
      const result: GlossaryImportResult = { file, created: 0, updated: 0, unchanged: 0 };
      for (const term of terms) {
        const articleId = term.articleSlug ? articleIds.get(term.articleSlug) : null;
        if (articleId === undefined) throw fileError(file, { line: term.line, field: "article" }, "unknownArticle", `unknown article "${term.articleSlug}"`);
        const current = existing.get(JSON.stringify([articleId, term.lang, term.canonical]));
        if (!current) {
          const created = await tx.glossaryTerm.create({
            data: { articleId, lang: term.lang, canonical: term.canonical, variants: term.variants, note: term.note },
            select: TERM_SELECT,
          });
          await appendAudit(tx, actor, { action: "glossary.create", entityType: "glossaryTerm", entityId: created.id, articleId, after: snapshot(created) });
          result.created++;
          continue;
        }
        if (!replace) {
          throw new ConflictError(`${file} line ${term.line}, field "canonical": "${term.canonical}" (${term.lang}) is already in the glossary; import with replace to update it`, {
            file,
            line: term.line,
            field: "canonical",
            reason: "exists",
          });
        }
        if (JSON.stringify(variantsOf(current.variants)) === JSON.stringify(term.variants) && current.note === term.note) {
          result.unchanged++;
          continue;
        }
        const updated = await tx.glossaryTerm.update({ where: { id: current.id }, data: { variants: term.variants, note: term.note }, select: TERM_SELECT });
        await appendAudit(tx, actor, { action: "glossary.update", entityType: "glossaryTerm", entityId: current.id, articleId, before: snapshot(current), after: snapshot(updated) });
        result.updated++;
      }
      await appendAudit(tx, actor, { action: "glossary.import", entityType: "glossary", after: { ...result, replace } });
      return result;
    },
    { timeout: 60_000 },
  );
}
