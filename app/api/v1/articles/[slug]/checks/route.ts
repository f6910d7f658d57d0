// GET /api/v1/articles/{slug}/checks[?lang=LANG] – the automatic checks' open findings
import { apiRoute } from "@/lib/server/api";
import { getArticleFindings } from "@/lib/server/checks";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async ({ request, actor, params }) => ({
  findings: await getArticleFindings(actor, params.slug, { lang: new URL(request.url).searchParams.get("lang") }),
}));
