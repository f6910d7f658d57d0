import { countWords, passThreshold, scorecard, type RatedPair, type Scorecard } from "../mqm/scoring";
import { scoresQuerySchema } from "../validation/mqm";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { validate } from "./validate";

export interface ScoreRow extends Scorecard {
  /** The version id (by version) or the system name (by system). */
  key: string;
  system: string;
  lang: string;
  article: string | null;
  sourceWords: number;
}

export interface ScoreOptions {
  articleSlug?: string;
  by?: "version" | "system";
}

/** A rater as pairs know them: a user id, or "import:<name>" for imported raters. */
function raterKey(annotation: { rater: string | null; authorId: string | null }): string | null {
  if (annotation.rater) return `import:${annotation.rater}`;
  return annotation.authorId;
}

/**
 * WMT-style MQM scores: every (segment, rater) pair with a review mark or an
 * annotation is rated; its score is the sum of its error weights; a version's
 * (or system's) score is the mean over its pairs. Rejected annotations do not count.
 */
export async function computeScores(actor: Actor | null, options: ScoreOptions = {}): Promise<ScoreRow[]> {
  authorize(actor, "article.read");
  const { articleSlug, by } = validate(scoresQuerySchema, options);
  let articleId: string | undefined;
  if (articleSlug) {
    const article = await db.article.findUnique({ where: { slug: articleSlug }, select: { id: true } });
    if (!article) throw new NotFoundError(`unknown article "${articleSlug}"`);
    articleId = article.id;
  }
  const scope = articleId ? { articleId } : {};
  const [versions, marks, annotations, sources] = await Promise.all([
    db.version.findMany({ where: { ...scope, isSource: false }, select: { id: true, lang: true, label: true, articleId: true, article: { select: { slug: true } } } }),
    db.reviewMark.findMany({ where: { segment: scope }, select: { rater: true, segment: { select: { versionId: true, position: true } } } }),
    db.annotation.findMany({
      where: { status: { not: "rejected" }, segment: scope },
      select: { category: true, severity: true, rater: true, authorId: true, targetVersionId: true, segment: { select: { versionId: true, position: true } } },
    }),
    db.segment.findMany({ where: { ...scope, version: { isSource: true } }, select: { articleId: true, position: true, text: true } }),
  ]);

  // Pairs keyed by version, position and rater.
  const pairs = new Map<string, Map<string, RatedPair & { position: number }>>();
  const pairOf = (versionId: string, position: number, rater: string) => {
    let byVersion = pairs.get(versionId);
    if (!byVersion) pairs.set(versionId, (byVersion = new Map()));
    const key = `${position}\u0000${rater}`;
    let pair = byVersion.get(key);
    if (!pair) byVersion.set(key, (pair = { errors: [], position }));
    return pair;
  };
  const targetIds = new Set(versions.map((v) => v.id));
  for (const mark of marks) if (targetIds.has(mark.segment.versionId)) pairOf(mark.segment.versionId, mark.segment.position, mark.rater);
  for (const annotation of annotations) {
    const rater = raterKey(annotation);
    // Omissions sit on the source segment and count against the version that omits.
    const versionId = annotation.targetVersionId ?? annotation.segment.versionId;
    if (!rater || !targetIds.has(versionId)) continue;
    pairOf(versionId, annotation.segment.position, rater).errors.push({ category: annotation.category, severity: annotation.severity });
  }

  const words = new Map<string, number>();
  for (const segment of sources) words.set(`${segment.articleId}\u0000${segment.position}`, countWords(segment.text));
  const threshold = passThreshold(process.env.VERSO_MQM_PASS_PER_1000);

  const groups = new Map<string, { system: string; lang: string; article: string | null; pairs: RatedPair[]; words: number }>();
  for (const version of versions) {
    const key = by === "system" ? version.label : version.id;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { system: version.label, lang: version.lang, article: by === "system" ? null : version.article.slug, pairs: [], words: 0 }));
    const versionPairs = [...(pairs.get(version.id)?.values() ?? [])];
    group.pairs.push(...versionPairs);
    for (const position of new Set(versionPairs.map((p) => p.position))) group.words += words.get(`${version.articleId}\u0000${position}`) ?? 0;
  }
  return [...groups.entries()]
    .filter(([, group]) => group.pairs.length > 0)
    .map(([key, group]) => ({ key, system: group.system, lang: group.lang, article: group.article, sourceWords: group.words, ...scorecard(group.pairs, group.words, threshold) }))
    .sort((a, b) => a.mqm - b.mqm || a.system.localeCompare(b.system));
}
