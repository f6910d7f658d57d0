// GET /api/v1/versions/{id}/approval-gate – what blocks approval right now
import { apiRoute } from "@/lib/server/api";
import { getApprovalGate } from "@/lib/server/versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getApprovalGate(actor, params.id));
