// POST /api/v1/annotations/{id}/apply – write the annotation's suggestion into the segment
import { applyAnnotation } from "@/lib/server/annotations";
import { apiRoute } from "@/lib/server/api";

export const POST = apiRoute<{ id: string }>(({ actor, params }) => applyAnnotation(actor, params.id));
