// GET /api/v1/articles/{slug}/export?format=mqm-tsv – download the article's annotations as WMT MQM TSV
import { errorResponse } from "@/lib/server/http";
import { UnsupportedMediaTypeError } from "@/lib/server/errors";
import { exportMqmTsv } from "@/lib/server/mqm-export";
import { getActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "";
    if (format !== "mqm-tsv") throw new UnsupportedMediaTypeError(format || null, ["mqm-tsv"]);
    const tsv = await exportMqmTsv(await getActor(request.headers), [slug]);
    return new Response(tsv, {
      headers: { "Content-Type": "text/tab-separated-values; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}.mqm.tsv"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
