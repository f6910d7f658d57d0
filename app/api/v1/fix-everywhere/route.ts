// POST /api/v1/fix-everywhere – replace the ticked occurrences of a wrong form: one annotation and one revision each, in one transaction
import { apiRoute, readJson } from "@/lib/server/api";
import { fixEverywhere } from "@/lib/server/fix-everywhere";
import type { FixEverywhereInput } from "@/lib/validation/fix-everywhere";

export const POST = apiRoute(async ({ request, actor }) => fixEverywhere(actor, (await readJson(request)) as FixEverywhereInput));
