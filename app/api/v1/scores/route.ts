// GET /api/v1/scores?by=system|version – MQM scores across all articles
import { apiRoute } from "@/lib/server/api";
import { computeScores } from "@/lib/server/scores";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => {
  const by = new URL(request.url).searchParams.get("by") === "version" ? "version" : "system";
  return { by, scores: await computeScores(actor, { by }) };
});
