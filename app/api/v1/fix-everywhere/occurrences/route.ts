// GET /api/v1/fix-everywhere/occurrences?article=SLUG&from=WORD[&allArticles=1][&annotation=ID] – whole-word occurrences with context
import { apiRoute } from "@/lib/server/api";
import { listFixOccurrences } from "@/lib/server/fix-everywhere";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => {
  const query = new URL(request.url).searchParams;
  return listFixOccurrences(actor, {
    article: query.get("article") ?? "",
    from: query.get("from") ?? "",
    allArticles: query.get("allArticles") ?? undefined,
    annotation: query.get("annotation") ?? undefined,
  });
});
