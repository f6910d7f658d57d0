// POST /api/v1/dismissals {versionId, checkId, position, quote, reason} – dismiss a finding for that text
import { apiRoute, readJson } from "@/lib/server/api";
import { dismissFinding } from "@/lib/server/checks";
import type { DismissFindingInput } from "@/lib/validation/checks";

export const POST = apiRoute(async ({ request, actor }) => dismissFinding(actor, (await readJson(request)) as DismissFindingInput), 201);
