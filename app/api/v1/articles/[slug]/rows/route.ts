// GET /api/v1/articles/{slug}/rows?positions=13,14,…&versions=id,id,… – cells of a workspace page's other rows
import { apiRoute } from "@/lib/server/api";
import { getWorkspaceRows } from "@/lib/server/workspace";

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

export const GET = apiRoute<{ slug: string }>(({ request, actor, params }) => {
  const search = new URL(request.url).searchParams;
  // Not-a-number positions stay NaN, and validation refuses them with a precise error.
  return getWorkspaceRows(actor, params.slug, { positions: list(search.get("positions")).map(Number), versionIds: list(search.get("versions")) });
});
