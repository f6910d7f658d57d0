// POST /api/v1/segments/{id}/review-mark – record ({reviewed:false}: withdraw) the caller's review
import { apiRoute, readJson } from "@/lib/server/api";
import { setReviewMark } from "@/lib/server/segments";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  setReviewMark(actor, params.id, (await readJson(request)) as { reviewed?: boolean }),
);
