// POST /api/v1/versions/{id}/approve {overrideReason?} – 409 listing the blockers when the gate fails without a reason
import { apiRoute, readJson } from "@/lib/server/api";
import { approveVersion } from "@/lib/server/versions";
import type { ApproveVersionInput } from "@/lib/validation/version";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  approveVersion(actor, params.id, (await readJson(request)) as ApproveVersionInput),
);
