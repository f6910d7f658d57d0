// GET /api/health – liveness and database status, public
import { checkHealth } from "@/lib/server/health";
import { jsonResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return jsonResponse(health, { status: health.status === "ok" ? 200 : 503 });
}
