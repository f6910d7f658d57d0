import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/server/actor";
import { authorize, can, PERMISSIONS } from "@/lib/server/authorize";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";

const user = (role: "reviewer" | "editor" | "admin"): Actor => ({ kind: "user", id: role, email: `${role}@x.test`, name: role, role });

describe("the operation × role table", () => {
  it("lets everyone read, editors import, and only admins manage users", () => {
    expect(["reviewer", "editor", "admin"].map((r) => can(user(r as "admin"), "article.read"))).toEqual([true, true, true]);
    expect(["reviewer", "editor", "admin"].map((r) => can(user(r as "admin"), "version.import"))).toEqual([false, true, true]);
    expect(["reviewer", "editor", "admin"].map((r) => can(user(r as "admin"), "user.create"))).toEqual([false, false, true]);
  });

  it("refuses anonymous callers with 401 and wrong roles with 403", () => {
    expect(() => authorize(null, "article.read")).toThrow(UnauthenticatedError);
    expect(() => authorize(user("reviewer"), "user.create")).toThrow(ForbiddenError);
  });

  it("lets the local operator's CLI do everything", () => {
    for (const operation of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(CLI_ACTOR, operation)).toBe(true);
    }
  });
});
