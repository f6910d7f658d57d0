// POST /api/v1/articles/{slug}/versions?lang=LANG[&label=L][&source=1][&title=T][&replace=1][&file=NAME]
// The body is the file itself: text/plain, text/markdown, text/html or XLIFF (application/xliff+xml, application/xml).
import { apiRoute, readBody } from "@/lib/server/api";
import { importVersion } from "@/lib/server/import-version";
import type { ImportFormat } from "@/lib/validation/import";

const FORMAT_OF_TYPE: Record<string, ImportFormat> = {
  "text/plain": "txt",
  "text/markdown": "md",
  "text/html": "html",
  "application/xliff+xml": "xliff",
  "application/x-xliff+xml": "xliff",
  "application/xml": "xliff",
  "text/xml": "xliff",
};

const truthy = (value: string | null) => value !== null && ["1", "true", "yes"].includes(value.toLowerCase());

export const POST = apiRoute<{ slug: string }>(async ({ request, actor, params }) => {
  const query = new URL(request.url).searchParams;
  const bytes = await readBody(request, Object.keys(FORMAT_OF_TYPE));
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const format = FORMAT_OF_TYPE[type];
  return importVersion(actor, {
    slug: params.slug,
    lang: query.get("lang") ?? "",
    fileName: query.get("file") ?? `upload.${format === "xliff" ? "xlf" : format}`,
    bytes,
    format,
    isSource: truthy(query.get("source")),
    label: query.get("label") ?? undefined,
    title: query.get("title") ?? undefined,
    replace: truthy(query.get("replace")),
  });
}, 201);
