// POST /api/v1/versions/{id}/request-changes {message}
import { apiRoute, readJson } from "@/lib/server/api";
import { requestChanges } from "@/lib/server/versions";
import type { RequestChangesInput } from "@/lib/validation/version";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => ({
  version: await requestChanges(actor, params.id, (await readJson(request)) as RequestChangesInput),
}));
