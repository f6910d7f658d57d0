import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/server/generated/prisma/client";
import { checkHealth } from "@/lib/server/health";

describe("checkHealth", () => {
  it("reports ok when the database answers", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "ok" });
  });

  it("reports the reason when the database cannot be opened", async () => {
    const broken = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:/nonexistent-dir/verso.db" }) });
    const health = await checkHealth(broken);
    expect(health).toMatchObject({ status: "error", database: "error" });
    expect(health.status === "error" && health.reason.length).toBeGreaterThan(0);
  });
});
