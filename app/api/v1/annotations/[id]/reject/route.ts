// POST /api/v1/annotations/{id}/reject – revert an applied correction (editor or admin)
import { rejectAnnotation } from "@/lib/server/annotations";
import { apiRoute } from "@/lib/server/api";

export const POST = apiRoute<{ id: string }>(({ actor, params }) => rejectAnnotation(actor, params.id));
