// PUT /api/v1/glossary/{id} – replace a term (JSON: lang, canonical, variants?, note?, articleSlug?)
// DELETE /api/v1/glossary/{id} – delete a term
import { apiRoute, readJson } from "@/lib/server/api";
import { deleteGlossaryTerm, updateGlossaryTerm } from "@/lib/server/glossary";
import type { GlossaryTermInput } from "@/lib/validation/glossary";

export const PUT = apiRoute<{ id: string }>(async ({ request, actor, params }) => ({
  term: await updateGlossaryTerm(actor, params.id, (await readJson(request)) as GlossaryTermInput),
}));

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => deleteGlossaryTerm(actor, params.id));
