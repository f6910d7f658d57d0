import { writeWmtTsv, type WmtRow } from "../mqm/wmt-tsv";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { NotFoundError, ValidationError } from "./errors";
import { asBoolean, marks, readSnapshot, sqlQuery, sqlRows } from "./sql";

/** The rater's name as the WMT file knows it: imported raters by name, people by email. */
function raterName(key: string, emails: Map<string, string>): string {
  return key.startsWith("import:") ? key.slice("import:".length) : (emails.get(key) ?? key);
}

interface ErrorRow {
  segmentId: string;
  start: number;
  end: number;
  category: string;
  severity: string;
  note: string | null;
  rater: string | null;
  authorId: string | null;
  targetVersionId: string | null;
}

interface LoadedSegment {
  id: string;
  position: number;
  originalText: string;
  raters: string[];
  annotations: ErrorRow[];
}

interface LoadedArticle {
  slug: string;
  title: string;
  versions: { id: string; label: string; isSource: boolean; segments: LoadedSegment[] }[];
}

/**
 * The articles (all, or these), their versions by label, segments by position,
 * raters and open annotations, in five queries of plain SQL: through the ORM,
 * planning and mapping the nested rows of a long article took most of an export.
 */
async function loadArticles(slugs?: string[]): Promise<LoadedArticle[]> {
  const filter = slugs ? `WHERE a."slug" IN (${marks(slugs)})` : "";
  const params = slugs ?? [];
  const [articles, versions, segments, reviewMarks, annotations] = await readSnapshot((tx) =>
    Promise.all([
      sqlRows<{ id: string; slug: string; title: string }>(tx, `SELECT a."id", a."slug", a."title" FROM "article" a ${filter} ORDER BY a."createdAt"`, params),
      sqlRows<{ id: string; articleId: string; label: string; isSource: unknown }>(
        tx,
        `SELECT v."id", v."articleId", v."label", v."isSource" FROM "version" v JOIN "article" a ON a."id" = v."articleId" ${filter} ORDER BY v."label"`,
        params,
      ),
      sqlRows<{ id: string; versionId: string; position: number; originalText: string }>(
        tx,
        `SELECT s."id", s."versionId", s."position", s."originalText" FROM "segment" s JOIN "article" a ON a."id" = s."articleId" ${filter} ORDER BY s."position"`,
        params,
      ),
      sqlRows<{ segmentId: string; rater: string }>(
        tx,
        `SELECT m."segmentId", m."rater" FROM "review_mark" m JOIN "segment" s ON s."id" = m."segmentId" JOIN "article" a ON a."id" = s."articleId" ${filter} ORDER BY m."rater"`,
        params,
      ),
      sqlRows<ErrorRow>(
        tx,
        `SELECT n."segmentId", n."start", n."end", n."category", n."severity", n."note", n."rater", n."authorId", n."targetVersionId"
           FROM "annotation" n JOIN "segment" s ON s."id" = n."segmentId" JOIN "article" a ON a."id" = s."articleId"
          ${filter ? `${filter} AND` : "WHERE"} n."status" <> 'rejected'
          ORDER BY n."createdAt"`,
        params,
      ),
    ]),
  );
  const loadedSegments = new Map<string, LoadedSegment>();
  const segmentsOf = new Map<string, LoadedSegment[]>();
  for (const s of segments) {
    const loaded: LoadedSegment = { id: s.id, position: Number(s.position), originalText: s.originalText, raters: [], annotations: [] };
    loadedSegments.set(s.id, loaded);
    const list = segmentsOf.get(s.versionId);
    if (list) list.push(loaded);
    else segmentsOf.set(s.versionId, [loaded]);
  }
  for (const m of reviewMarks) loadedSegments.get(m.segmentId)?.raters.push(m.rater);
  for (const n of annotations) loadedSegments.get(n.segmentId)?.annotations.push({ ...n, start: Number(n.start), end: Number(n.end) });
  return articles.map((article) => ({
    slug: article.slug,
    title: article.title,
    versions: versions
      .filter((v) => v.articleId === article.id)
      .map((v) => ({ id: v.id, label: v.label, isSource: asBoolean(v.isSource), segments: segmentsOf.get(v.id) ?? [] })),
  }));
}

/**
 * Exports annotations as WMT MQM TSV: one row per error, a No-error row for
 * each reviewed-clean (segment, rater) pair. Spans are offsets into the
 * segment's original text, the text that was rated. Re-importing the file
 * gives the same scores.
 */
export async function exportMqmTsv(actor: Actor | null, articleSlugs?: string[]): Promise<string> {
  authorize(actor, "article.read");
  const articles = await loadArticles(articleSlugs);
  const missing = articleSlugs?.find((slug) => !articles.some((a) => a.slug === slug));
  if (missing) throw new NotFoundError(`unknown article "${missing}"`);
  const users = await sqlQuery<{ id: string; email: string }>(`SELECT "id", "email" FROM "user"`);
  const emails = new Map(users.map((u) => [u.id, u.email]));

  const rows: Omit<WmtRow, "line">[] = [];
  for (const article of articles) {
    const source = article.versions.find((v) => v.isSource);
    const sourceAt = new Map(source?.segments.map((s) => [s.position, s]) ?? []);
    for (const version of article.versions.filter((v) => !v.isSource)) {
      for (const segment of version.segments) {
        const sourceSegment = sourceAt.get(segment.position);
        const omissions = (sourceSegment?.annotations ?? []).filter((a) => a.targetVersionId === version.id);
        const errors = [...segment.annotations.map((a) => ({ ...a, side: "target" as const })), ...omissions.map((a) => ({ ...a, side: "source" as const }))];
        const raters = new Set(segment.raters);
        for (const error of errors) raters.add(error.rater ? `import:${error.rater}` : (error.authorId ?? "unknown"));
        for (const rater of raters) {
          const mine = errors.filter((e) => (e.rater ? `import:${e.rater}` : (e.authorId ?? "unknown")) === rater);
          const base = {
            system: version.label,
            doc: article.title,
            docId: String(segment.position),
            segId: String(segment.position),
            rater: raterName(rater, emails),
            source: sourceSegment?.originalText ?? "",
            target: segment.originalText,
          };
          if (mine.length === 0) rows.push({ ...base, category: null, severity: null, comment: "", span: null });
          for (const error of mine) {
            rows.push({
              ...base,
              category: error.category,
              severity: error.severity as WmtRow["severity"],
              comment: (error.note ?? "").replace(/[\t\r\n]+/g, " "),
              span: error.end > error.start ? { side: error.side, start: error.start, end: error.end } : null,
            });
          }
        }
      }
    }
  }
  try {
    return writeWmtTsv(rows);
  } catch (error) {
    // Segment texts with line breaks cannot be written in the WMT format.
    throw new ValidationError(`cannot export as WMT MQM TSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}
