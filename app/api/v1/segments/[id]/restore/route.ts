// POST /api/v1/segments/{id}/restore – make a past revision's text current {number, baseRevision}
import { apiRoute, readJson } from "@/lib/server/api";
import { restoreRevision } from "@/lib/server/segments";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => ({
  segment: await restoreRevision(actor, params.id, (await readJson(request)) as { number: number; baseRevision: number }),
}));
