// PUT /api/v1/articles/{slug}/preferences – remember the caller's shown versions and layout
import { apiRoute, readJson } from "@/lib/server/api";
import { saveWorkspacePreferences } from "@/lib/server/workspace";
import type { PreferencesInput } from "@/lib/validation/workspace";

export const PUT = apiRoute<{ slug: string }>(async ({ request, actor, params }) =>
  saveWorkspacePreferences(actor, params.slug, (await readJson(request)) as PreferencesInput),
);
