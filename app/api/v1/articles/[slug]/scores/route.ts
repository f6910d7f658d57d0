// GET /api/v1/articles/{slug}/scores – MQM scorecard per version of one article
import { apiRoute } from "@/lib/server/api";
import { computeScores } from "@/lib/server/scores";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => ({ scores: await computeScores(actor, { articleSlug: params.slug, by: "version" }) }));
