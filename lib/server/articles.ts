import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError } from "./errors";

export interface VersionSummary {
  id: string;
  lang: string;
  label: string;
  isSource: boolean;
  status: string;
  segmentCount: number;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  sourceLang: string;
  versions: VersionSummary[];
}

// The source first, then by language and label.
const ARTICLE_WITH_VERSIONS = {
  id: true,
  slug: true,
  title: true,
  sourceLang: true,
  versions: {
    orderBy: [{ isSource: "desc" as const }, { lang: "asc" as const }, { label: "asc" as const }],
    select: { id: true, lang: true, label: true, isSource: true, status: true, _count: { select: { segments: true } } },
  },
};

function toSummaries(versions: (Omit<VersionSummary, "segmentCount"> & { _count: { segments: number } })[]): VersionSummary[] {
  return versions.map(({ _count, ...version }) => ({ ...version, segmentCount: _count.segments }));
}

/** Articles with their versions, for the dashboard and `GET /api/v1/articles`. */
export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  authorize(actor, "article.read");
  const articles = await db.article.findMany({ orderBy: { createdAt: "desc" }, select: ARTICLE_WITH_VERSIONS });
  return articles.map(({ versions, ...article }) => ({ ...article, versions: toSummaries(versions) }));
}

export interface GridSegment {
  id: string;
  position: number;
  kind: string;
  text: string;
  originalText: string;
  revision: number;
}

export interface ArticleGrid {
  article: { id: string; slug: string; title: string; sourceLang: string };
  versions: VersionSummary[];
  /** Every position that any version has, ascending. */
  positions: number[];
  /** versionId → position → segment. */
  cells: Record<string, Record<number, GridSegment>>;
}

/** Everything the side-by-side view needs, in two queries that use the (article, position) index. */
export async function getArticleGrid(actor: Actor | null, slug: string): Promise<ArticleGrid> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { slug }, select: ARTICLE_WITH_VERSIONS });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  const segments = await db.segment.findMany({
    where: { articleId: article.id },
    orderBy: { position: "asc" },
    select: { id: true, versionId: true, position: true, kind: true, text: true, originalText: true, revision: true },
  });

  const cells: ArticleGrid["cells"] = {};
  const positions = new Set<number>();
  for (const { versionId, ...segment } of segments) {
    (cells[versionId] ??= {})[segment.position] = segment;
    positions.add(segment.position);
  }
  const { versions, ...rest } = article;
  return {
    article: rest,
    versions: toSummaries(versions),
    positions: [...positions].sort((a, b) => a - b),
    cells,
  };
}

/** The pipeline shape of `GET /api/v1/articles/{slug}`; keep the field names stable. */
export async function getArticleDetail(actor: Actor | null, slug: string) {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      sourceLang: true,
      versions: {
        orderBy: [{ isSource: "desc" }, { lang: "asc" }, { label: "asc" }],
        select: {
          id: true,
          lang: true,
          label: true,
          status: true,
          isSource: true,
          segments: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              position: true,
              kind: true,
              originalText: true,
              text: true,
              revision: true,
              annotations: {
                orderBy: { start: "asc" },
                select: {
                  id: true,
                  start: true,
                  end: true,
                  quote: true,
                  category: true,
                  severity: true,
                  status: true,
                  note: true,
                  suggestion: true,
                  author: { select: { email: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  return {
    ...article,
    versions: article.versions.map((version) => ({
      ...version,
      segments: version.segments.map((segment) => ({
        ...segment,
        annotations: segment.annotations.map(({ author, ...annotation }) => ({ ...annotation, author: author?.email ?? null })),
      })),
    })),
  };
}
