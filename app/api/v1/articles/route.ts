// GET /api/v1/articles – list articles with their versions
import { listArticles } from "@/lib/server/articles";
import { errorResponse } from "@/lib/server/http";
import { getActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const articles = await listArticles(await getActor(request.headers));
    return Response.json({ articles });
  } catch (error) {
    return errorResponse(error);
  }
}
