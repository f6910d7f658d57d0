import { errorWeight } from "../mqm/weights";
import { WORKSPACE_PAGE_SIZE } from "../validation/workspace";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { computeScores, type ScoreRow } from "./scores";

export interface CategoryBreakdown {
  category: string;
  major: number;
  minor: number;
  neutral: number;
  penalty: number;
}

export interface WorstSegment {
  versionId: string;
  system: string;
  position: number;
  page: number;
  penalty: number;
  text: string;
}

export interface ArticleReport {
  article: { slug: string; title: string; sourceLang: string };
  scores: ScoreRow[];
  breakdown: CategoryBreakdown[];
  worst: WorstSegment[];
}

/** The scorecard page's data: scores per version, errors by category × severity, the worst segments. */
export async function getArticleReport(actor: Actor | null, slug: string): Promise<ArticleReport> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, sourceLang: true } });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  const [scores, annotations] = await Promise.all([
    computeScores(actor, { articleSlug: slug, by: "version" }),
    db.annotation.findMany({
      where: { status: { not: "rejected" }, segment: { articleId: article.id } },
      select: { category: true, severity: true, targetVersionId: true, segment: { select: { versionId: true, position: true, text: true, version: { select: { label: true, isSource: true } } } } },
    }),
  ]);

  const categories = new Map<string, CategoryBreakdown>();
  const perSegment = new Map<string, WorstSegment>();
  const labels = new Map(scores.map((s) => [s.key, s.system]));
  for (const annotation of annotations) {
    const weight = errorWeight(annotation.category, annotation.severity);
    let row = categories.get(annotation.category);
    if (!row) categories.set(annotation.category, (row = { category: annotation.category, major: 0, minor: 0, neutral: 0, penalty: 0 }));
    if (annotation.severity === "major" || annotation.severity === "minor" || annotation.severity === "neutral") row[annotation.severity] += 1;
    row.penalty += weight;

    const versionId = annotation.targetVersionId ?? annotation.segment.versionId;
    if (annotation.segment.version.isSource && !annotation.targetVersionId) continue;
    const key = `${versionId}\u0000${annotation.segment.position}`;
    let segment = perSegment.get(key);
    if (!segment) {
      segment = {
        versionId,
        system: labels.get(versionId) ?? annotation.segment.version.label,
        position: annotation.segment.position,
        page: Math.ceil(annotation.segment.position / WORKSPACE_PAGE_SIZE),
        penalty: 0,
        text: annotation.segment.version.isSource ? "" : annotation.segment.text,
      };
      perSegment.set(key, segment);
    }
    segment.penalty += weight;
  }
  return {
    article: { slug: article.slug, title: article.title, sourceLang: article.sourceLang },
    scores,
    breakdown: [...categories.values()].sort((a, b) => b.penalty - a.penalty || a.category.localeCompare(b.category)),
    worst: [...perSegment.values()].sort((a, b) => b.penalty - a.penalty || a.position - b.position).slice(0, 10),
  };
}
