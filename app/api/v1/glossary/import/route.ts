// POST /api/v1/glossary/import[?replace=1][&fileName=NAME] – import a glossary CSV body (text/csv), all or nothing
import { apiRoute, readBody } from "@/lib/server/api";
import { importGlossaryCsv } from "@/lib/server/glossary";

const truthy = (value: string | null) => value !== null && ["1", "true", "yes"].includes(value.toLowerCase());

export const POST = apiRoute(async ({ request, actor }) => {
  const query = new URL(request.url).searchParams;
  const bytes = await readBody(request, ["text/csv", "text/plain", "application/octet-stream"]);
  return importGlossaryCsv(actor, { fileName: query.get("fileName") ?? "upload.csv", bytes, replace: truthy(query.get("replace")) });
});
