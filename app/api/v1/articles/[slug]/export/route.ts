// GET /api/v1/articles/{slug}/export?version=ID|lang=LANG[&label=L]&format=F[&approvedOnly=1]
// Formats: txt md html json xliff xliff12 tmx mqm-tsv (the article's annotations).
import { errorResponse, fileResponse } from "@/lib/server/http";
import { exportVersion } from "@/lib/server/export";
import { getActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

const truthy = (value: string | null) => value !== null && ["1", "true", "yes"].includes(value.toLowerCase());

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const query = new URL(request.url).searchParams;
    const file = await exportVersion(await getActor(request.headers), {
      slug,
      versionId: query.get("version"),
      lang: query.get("lang"),
      label: query.get("label"),
      format: query.get("format") ?? "",
      approvedOnly: truthy(query.get("approvedOnly")),
    });
    return fileResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
