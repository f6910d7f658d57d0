// PUT /api/v1/segments/{id}/text – replace the text; a stale baseRevision gets 409 with the current text
import { apiRoute, readJson } from "@/lib/server/api";
import { editSegmentText } from "@/lib/server/segments";
import type { EditTextInput } from "@/lib/validation/annotation";

export const PUT = apiRoute<{ id: string }>(async ({ request, actor, params }) => ({
  segment: await editSegmentText(actor, params.id, (await readJson(request)) as EditTextInput),
}));
