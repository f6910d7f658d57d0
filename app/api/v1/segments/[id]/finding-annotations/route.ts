// POST /api/v1/segments/{id}/finding-annotations {start, end, baseRevision, category, severity, suggestion?, note?, apply?}
// Turns a finding (offsets in the current text) into an annotation.
import { apiRoute, readJson } from "@/lib/server/api";
import { annotateFinding } from "@/lib/server/checks";
import type { FindingAnnotationInput } from "@/lib/validation/checks";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => annotateFinding(actor, params.id, (await readJson(request)) as FindingAnnotationInput), 201);
