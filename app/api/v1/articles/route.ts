// GET /api/v1/articles – list articles with their versions
import { apiRoute } from "@/lib/server/api";
import { listArticles } from "@/lib/server/articles";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => ({ articles: await listArticles(actor) }));
