// Sessions and tokens through the API's own handlers: revocation and deactivation
// take effect at once, cookies are HttpOnly and SameSite, cross-site writes are
// refused, and failed sign-ins are rate-limited at the auth route.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listArticlesRoute } from "@/app/api/v1/articles/route";
import { POST as annotateRoute } from "@/app/api/v1/segments/[id]/annotations/route";
import { SEED_ACTOR } from "@/lib/server/actor";
import { auth } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { SIGN_IN_LIMIT } from "@/lib/server/sign-in-limit";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { createUser, deactivateUser } from "@/lib/server/users";
import { bytes, uniqueSlug } from "./helpers";

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function call(handler: Handler, request: Request, params: object = {}) {
  const response = await handler(request, { params: Promise.resolve(params as never) });
  return { status: response.status, body: await response.json() };
}

/** POST /api/auth/sign-in/email through the auth library's HTTP handler, as the browser sends it. */
function signInRequest(email: string, password: string, ip: string) {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function newUser(role: "reviewer" | "editor") {
  const email = `session-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const user = await createUser(SEED_ACTOR, { email, name: `Session ${role}`, role, password: PASSWORD });
  return { ...user, email };
}

async function sessionCookie(email: string): Promise<string> {
  const response = await signInRequest(email, PASSWORD, `198.51.100.${crypto.randomInt(1, 250)}`);
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

const listArticles = (headers: Record<string, string>) => call(listArticlesRoute as Handler, new Request(`${ORIGIN}/api/v1/articles`, { headers }));

let segmentId: string;

beforeAll(async () => {
  const slug = uniqueSlug("sessions");
  await importVersion(SEED_ACTOR, { slug, lang: "en", fileName: "en.txt", isSource: true, bytes: bytes("Title\n\nOpenAI hires Sutskever.\n") });
  const de = await importVersion(SEED_ACTOR, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Titel\n\nOpenAI stellt Suzkwer ein.\n") });
  segmentId = (await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } })).id;
});

describe("session cookies", () => {
  it("are HttpOnly, SameSite and scoped to the whole site", async () => {
    const user = await newUser("reviewer");
    const response = await signInRequest(user.email, PASSWORD, "198.51.100.7");
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((line) => /session_token=/.test(line));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(session).toMatch(/;\s*Path=\//i);
    // Every cookie the auth library sets is out of reach of page scripts.
    for (const line of cookies) expect(line).toMatch(/;\s*HttpOnly/i);
  });
});

describe("revocation and deactivation", () => {
  it("a revoked API key is refused by the very next request", async () => {
    const user = await newUser("editor");
    const { token, id } = await createApiToken(SEED_ACTOR, user.email, "revoke-me");
    const bearer = { authorization: `Bearer ${token}` };
    expect((await listArticles(bearer)).status).toBe(200);
    await revokeApiToken(SEED_ACTOR, { keyId: id });
    const refused = await listArticles(bearer);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "unauthenticated" });
  });

  it("a deactivated user's session cookie and API key are refused by the very next request", async () => {
    const user = await newUser("editor");
    const cookie = await sessionCookie(user.email);
    const { token } = await createApiToken(SEED_ACTOR, user.email, "deactivate-me");
    expect((await listArticles({ cookie })).status).toBe(200);
    expect((await listArticles({ authorization: `Bearer ${token}` })).status).toBe(200);

    await deactivateUser(SEED_ACTOR, { userId: user.id });
    expect((await listArticles({ cookie })).status).toBe(401);
    expect((await listArticles({ authorization: `Bearer ${token}` })).status).toBe(401);
    // Nor can they sign in again.
    expect((await signInRequest(user.email, PASSWORD, "198.51.100.8")).status).toBeGreaterThanOrEqual(400);
  });

  it("a session that outlives its user's deactivation (a row the deactivation missed) is still refused", async () => {
    const user = await newUser("reviewer");
    const cookie = await sessionCookie(user.email);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await listArticles({ cookie })).status).toBe(401);
  });
});

describe("cross-site writes", () => {
  const annotation = { start: 14, end: 21, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major" };

  function annotate(headers: Record<string, string>) {
    return call(
      annotateRoute as Handler,
      new Request(`${ORIGIN}/api/v1/segments/${segmentId}/annotations`, {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
        body: JSON.stringify(annotation),
      }),
      { id: segmentId },
    );
  }

  it("are refused with 403 and write nothing, whether the caller has a cookie or a token", async () => {
    const user = await newUser("reviewer");
    const cookie = await sessionCookie(user.email);
    const { token } = await createApiToken(SEED_ACTOR, user.email, "csrf");
    const before = await db.annotation.count({ where: { segmentId } });
    const audit = await db.auditEvent.count();

    const foreign: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "http://localhost:3000.evil.example" },
      { cookie, origin: "null" },
      { cookie, "sec-fetch-site": "cross-site" },
      { authorization: `Bearer ${token}`, origin: "https://evil.example" },
    ];
    for (const headers of foreign) {
      const answer = await annotate(headers);
      expect({ headers: Object.keys(headers), status: answer.status }).toEqual({ headers: Object.keys(headers), status: 403 });
      expect(answer.body.error.message).toMatch(/^cross-origin request refused: /);
    }
    expect(await db.annotation.count({ where: { segmentId } })).toBe(before);
    expect(await db.auditEvent.count()).toBe(audit);

    // The same request from our own pages, from the host the client addressed, or from a pipeline (no Origin) goes through.
    expect((await annotate({ cookie, origin: ORIGIN, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await annotate({ cookie, origin: "https://verso.newsroom.example", host: "verso.newsroom.example" })).status).toBe(201);
    expect((await annotate({ authorization: `Bearer ${token}` })).status).toBe(201);
    // Reading is not a state change: a foreign Origin may not write, but a GET answers as usual.
    expect((await listArticles({ cookie, origin: "https://evil.example" })).status).toBe(200);
  });
});

describe("failed sign-ins at the auth route", () => {
  it(`answer 429 with Retry-After after ${SIGN_IN_LIMIT.perEmail} failures, even for the right password`, async () => {
    const user = await newUser("reviewer");
    const ip = "203.0.113.77";
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.perEmail; attempt++) {
      expect((await signInRequest(user.email, `wrong ${attempt}`, ip)).status).toBe(401);
    }
    const locked = await signInRequest(user.email, PASSWORD, ip);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.headers.getSetCookie().some((line) => /session_token=/.test(line))).toBe(false);
    // Another user from the same address is not locked out by it.
    const other = await newUser("reviewer");
    expect((await signInRequest(other.email, PASSWORD, ip)).status).toBe(200);
  });
});
