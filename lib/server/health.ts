import { db } from "./db";

export type Health = { status: "ok"; database: "ok" } | { status: "error"; database: "error"; reason: string };

/** Pings the database; never throws. */
export async function checkHealth(client: Pick<typeof db, "$queryRawUnsafe"> = db): Promise<Health> {
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: "ok" };
  } catch (error) {
    return { status: "error", database: "error", reason: error instanceof Error ? error.message : String(error) };
  }
}
