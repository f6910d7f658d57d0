// POST /api/v1/segments/{id}/annotations – mark an error on a span, optionally applying its suggestion
import { createAnnotation } from "@/lib/server/annotations";
import { apiRoute, readJson } from "@/lib/server/api";
import type { CreateAnnotationInput } from "@/lib/validation/annotation";

export const POST = apiRoute<{ id: string }>(
  async ({ request, actor, params }) => createAnnotation(actor, params.id, (await readJson(request)) as CreateAnnotationInput),
  201,
);
