// GET /api/v1/glossary[?lang=&article=&q=&format=csv] – list terms as JSON, or download them as glossary CSV
// POST /api/v1/glossary – add one term (JSON: lang, canonical, variants?, note?, articleSlug?)
import { apiRoute, readJson } from "@/lib/server/api";
import { UnknownFormatError } from "@/lib/server/errors";
import { createGlossaryTerm, exportGlossaryCsv, listGlossaryTerms } from "@/lib/server/glossary";
import { errorResponse, fileResponse, jsonResponse } from "@/lib/server/http";
import { getActor } from "@/lib/server/session";
import type { GlossaryTermInput } from "@/lib/validation/glossary";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv"] as const;

export async function GET(request: Request) {
  try {
    const query = new URL(request.url).searchParams;
    const actor = await getActor(request.headers);
    const filter = { lang: query.get("lang") ?? undefined, articleSlug: query.get("article") ?? undefined, q: query.get("q") ?? undefined };
    const format = query.get("format") ?? "json";
    if (format === "json") return jsonResponse({ terms: await listGlossaryTerms(actor, filter) });
    if (format !== "csv") throw new UnknownFormatError("export", format, FORMATS);
    const file = await exportGlossaryCsv(actor, filter);
    return fileResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = apiRoute(async ({ request, actor }) => ({ term: await createGlossaryTerm(actor, (await readJson(request)) as GlossaryTermInput) }), 201);
