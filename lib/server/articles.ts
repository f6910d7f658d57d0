import type { Actor } from "./actor";
import { ANNOTATION_CORE_FIELDS } from "./annotations";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError } from "./errors";

export interface VersionSummary {
  id: string;
  lang: string;
  label: string;
  isSource: boolean;
  status: string;
  approvedBy: string | null;
  approvedAt: string | null;
  overrideReason: string | null;
  statusMessage: string | null;
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
    select: {
      id: true,
      lang: true,
      label: true,
      isSource: true,
      status: true,
      approvedAt: true,
      overrideReason: true,
      statusMessage: true,
      approvedBy: { select: { name: true } },
      _count: { select: { segments: true } },
    },
  },
};

type VersionRow = Pick<VersionSummary, "id" | "lang" | "label" | "isSource" | "status" | "overrideReason" | "statusMessage"> & {
  approvedAt: Date | null;
  approvedBy: { name: string } | null;
  _count: { segments: number };
};

function toSummaries(versions: VersionRow[]): VersionSummary[] {
  return versions.map(({ _count, approvedBy, approvedAt, ...version }) => ({
    ...version,
    approvedBy: approvedBy?.name ?? null,
    approvedAt: approvedAt?.toISOString() ?? null,
    segmentCount: _count.segments,
  }));
}

/** Articles with their versions, for the dashboard and `GET /api/v1/articles`. */
export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  authorize(actor, "article.read");
  const articles = await db.article.findMany({ orderBy: { createdAt: "desc" }, select: ARTICLE_WITH_VERSIONS });
  return articles.map(({ versions, ...article }) => ({ ...article, versions: toSummaries(versions) }));
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
                select: { ...ANNOTATION_CORE_FIELDS, author: { select: { email: true } } },
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
