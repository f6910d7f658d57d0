// Any /api/v1 path no route serves: a JSON 404 for every method, as pipelines expect, not an HTML page.
import { apiRoute } from "@/lib/server/api";
import { NotFoundError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const unknown = apiRoute<{ rest: string[] }>(async ({ request }) => {
  throw new NotFoundError(`no API endpoint ${request.method} ${new URL(request.url).pathname}`);
});

export { unknown as DELETE, unknown as GET, unknown as PATCH, unknown as POST, unknown as PUT };
