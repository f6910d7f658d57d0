import { beforeAll, describe, expect, it } from "vitest";
import { SEED_ACTOR, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { SIGN_IN_LIMIT } from "@/lib/server/sign-in-limit";
import { signIn } from "@/lib/server/sign-in";
import { getActor } from "@/lib/server/session";
import { createUser } from "@/lib/server/users";
import { makeActor } from "./helpers";

const PASSWORD = "correct horse battery staple";

function headersFrom(ip: string, cookie?: string): Headers {
  const headers = new Headers({ "x-forwarded-for": ip });
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

let admin: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
});

describe("createUser", () => {
  it("stores a hashed password, never the password itself, and audits the creation", async () => {
    const user = await createUser(admin, { email: "Hash.Me@Example.test", name: "Hash", role: "editor", password: PASSWORD });
    expect(user).toMatchObject({ email: "hash.me@example.test", role: "editor" });
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.providerId).toBe("credential");
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(PASSWORD);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(audit).toMatchObject({ action: "user.create", actorLabel: admin.kind === "user" ? admin.email : "" });
    expect(JSON.stringify(audit.after)).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email, a short password, a bad role and a non-admin caller", async () => {
    await createUser(admin, { email: "dup@example.test", name: "Dup", role: "reviewer", password: PASSWORD });
    await expect(createUser(admin, { email: "DUP@example.test", name: "Dup", role: "reviewer", password: PASSWORD })).rejects.toThrow(ConflictError);
    await expect(createUser(admin, { email: "short@example.test", name: "S", role: "reviewer", password: "short" })).rejects.toThrow(/password: .*12/);
    await expect(createUser(admin, { email: "role@example.test", name: "R", role: "owner" as "admin", password: PASSWORD })).rejects.toThrow(ValidationError);
    const editor = await makeActor("editor");
    await expect(createUser(editor, { email: "x@example.test", name: "X", role: "reviewer", password: PASSWORD })).rejects.toThrow(ForbiddenError);
    expect(await db.user.count({ where: { email: { in: ["short@example.test", "role@example.test", "x@example.test"] } } })).toBe(0);
  });
});

describe("signing in", () => {
  it("accepts the right password, yields a session with the user's role, and refuses a wrong one", async () => {
    await createUser(SEED_ACTOR, { email: "signin@example.test", name: "Sign In", role: "editor", password: PASSWORD });
    await expect(signIn("signin@example.test", "wrong password!", headersFrom("10.0.0.1"))).rejects.toThrow(UnauthenticatedError);
    await signIn("signin@example.test", PASSWORD, headersFrom("10.0.0.1"));
    const session = await db.session.findFirstOrThrow({ where: { user: { email: "signin@example.test" } } });
    // The session cookie is the signed token; getActor must accept only a valid one.
    expect(await getActor(headersFrom("10.0.0.1", `better-auth.session_token=${session.token}.forged`))).toBeNull();
  });

  it(`locks an email after ${SIGN_IN_LIMIT.perEmail} failed attempts, even with the right password`, async () => {
    await createUser(SEED_ACTOR, { email: "limited@example.test", name: "Limited", role: "reviewer", password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail; i++) {
      await expect(signIn("limited@example.test", `wrong-${i}-password`, headersFrom(`10.0.1.${i}`))).rejects.toThrow(UnauthenticatedError);
    }
    const locked = signIn("limited@example.test", PASSWORD, headersFrom("10.0.1.99"));
    await expect(locked).rejects.toThrow(RateLimitedError);
    await expect(signIn("limited@example.test", PASSWORD, headersFrom("10.0.1.99"))).rejects.toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
    expect(await db.session.count({ where: { user: { email: "limited@example.test" } } })).toBe(0);
  });

  it("a successful sign-in clears earlier failures of that email", async () => {
    await createUser(SEED_ACTOR, { email: "clears@example.test", name: "Clears", role: "reviewer", password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail - 1; i++) {
      await expect(signIn("clears@example.test", "nope-nope-nope", headersFrom("10.0.2.1"))).rejects.toThrow(UnauthenticatedError);
    }
    await signIn("clears@example.test", PASSWORD, headersFrom("10.0.2.1"));
    expect(await db.signInFailure.count({ where: { email: "clears@example.test" } })).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser(SEED_ACTOR, { email: "gone@example.test", name: "Gone", role: "reviewer", password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(signIn("gone@example.test", PASSWORD, headersFrom("10.0.3.1"))).rejects.toThrow();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the per-address limit", () => {
  it(`locks an address after ${SIGN_IN_LIMIT.perAddress} failures across many emails, but never clients whose address is unknown`, async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++) {
      await db.signInFailure.create({ data: { email: `spray-${i}@example.test`, ip: "10.7.7.7" } });
      await db.signInFailure.create({ data: { email: `spray-${i}@example.test`, ip: "unknown" } });
    }
    await createUser(SEED_ACTOR, { email: "bystander@example.test", name: "Bystander", role: "reviewer", password: PASSWORD });
    await expect(signIn("bystander@example.test", PASSWORD, headersFrom("10.7.7.7"))).rejects.toThrow(RateLimitedError);
    await signIn("bystander@example.test", PASSWORD, new Headers());
    expect(await db.session.count({ where: { user: { email: "bystander@example.test" } } })).toBe(1);
  });
});
