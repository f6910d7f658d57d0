import { writeWmtTsv, type WmtRow } from "../mqm/wmt-tsv";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError, ValidationError } from "./errors";

/** The rater's name as the WMT file knows it: imported raters by name, people by email. */
function raterName(key: string, emails: Map<string, string>): string {
  return key.startsWith("import:") ? key.slice("import:".length) : (emails.get(key) ?? key);
}

/**
 * Exports annotations as WMT MQM TSV: one row per error, a No-error row for
 * each reviewed-clean (segment, rater) pair. Spans are offsets into the
 * segment's original text, the text that was rated. Re-importing the file
 * gives the same scores.
 */
export async function exportMqmTsv(actor: Actor | null, articleSlugs?: string[]): Promise<string> {
  authorize(actor, "article.read");
  const articles = await db.article.findMany({
    where: articleSlugs ? { slug: { in: articleSlugs } } : {},
    orderBy: { createdAt: "asc" },
    select: {
      slug: true,
      title: true,
      versions: {
        orderBy: { label: "asc" },
        select: {
          id: true,
          label: true,
          isSource: true,
          segments: {
            orderBy: { position: "asc" },
            select: {
              position: true,
              originalText: true,
              reviewMarks: { select: { rater: true } },
              annotations: {
                where: { status: { not: "rejected" } },
                orderBy: { createdAt: "asc" },
                select: { start: true, end: true, category: true, severity: true, note: true, rater: true, authorId: true, targetVersionId: true },
              },
            },
          },
        },
      },
    },
  });
  const missing = articleSlugs?.find((slug) => !articles.some((a) => a.slug === slug));
  if (missing) throw new NotFoundError(`unknown article "${missing}"`);
  const users = await db.user.findMany({ select: { id: true, email: true } });
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
        const raters = new Set(segment.reviewMarks.map((m) => m.rater));
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
