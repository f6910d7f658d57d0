// POST /api/v1/import/mqm – import a WMT MQM TSV body (?sourceLang=&targetLang=&replace=1&fileName=)
import { apiRoute, readBody } from "@/lib/server/api";
import { importMqm } from "@/lib/server/mqm-import";

export const POST = apiRoute(async ({ request, actor }) => {
  const url = new URL(request.url);
  const bytes = await readBody(request, ["text/tab-separated-values", "text/plain", "application/octet-stream"]);
  return importMqm(actor, {
    fileName: url.searchParams.get("fileName") ?? "upload.tsv",
    bytes,
    sourceLang: url.searchParams.get("sourceLang") ?? undefined,
    targetLang: url.searchParams.get("targetLang") ?? undefined,
    replace: url.searchParams.get("replace") === "1",
  });
}, 201);
