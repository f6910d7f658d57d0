// GET /api/v1/articles/{slug} – versions, segments (original, text, revision) and annotations
import { getArticleDetail } from "@/lib/server/articles";
import { apiRoute } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(({ actor, params }) => getArticleDetail(actor, params.slug));
