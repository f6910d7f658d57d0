// GET /api/v1/segments/{id}/revisions – the segment's history, newest first
import { apiRoute } from "@/lib/server/api";
import { listRevisions } from "@/lib/server/segments";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => listRevisions(actor, params.id));
