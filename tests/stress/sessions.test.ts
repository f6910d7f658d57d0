// Sessions and tokens against the production server: what a browser and an attacker see over HTTP.
import { describe, expect, it } from "vitest";
import { send } from "./client";
import { suzkwerAt, type StressUser } from "./fixture";
import { serverForThisFile } from "./server";

const server = serverForThisFile();
const EVIL = "https://evil.example";


function signIn(user: Pick<StressUser, "email" | "password">, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, ...headers },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
}

async function cookieOf(user: StressUser): Promise<string> {
  const response = await signIn(user);
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

const articles = (headers: Record<string, string>) => send(`${server.baseUrl}/api/v1/articles`, { headers });

describe("sessions and tokens over HTTP", () => {
  it("the session cookie is HttpOnly and SameSite", async () => {
    const response = await signIn(server.fixture.users[1]);
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((line) => /session_token=/.test(line));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  });

  it("state-changing requests from a foreign Origin are refused: the API, sign-in and server actions", async () => {
    const user = server.fixture.users[2];
    const cookie = await cookieOf(user);
    const segment = server.fixture.segments[0];
    const start = suzkwerAt(segment.text);
    const annotation = { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major" };
    const url = `${server.baseUrl}/api/v1/segments/${segment.id}/annotations`;

    const forged = await send(url, { method: "POST", headers: { cookie, origin: EVIL }, json: annotation });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/^cross-origin request refused: Origin https:\/\/evil\.example/) } });
    const noOrigin = await send(url, { method: "POST", headers: { cookie, "sec-fetch-site": "cross-site" }, json: annotation });
    expect(noOrigin.status).toBe(403);

    const loginCsrf = await signIn(user, { origin: EVIL });
    expect(loginCsrf.status).toBe(403);
    expect(loginCsrf.headers.getSetCookie().some((line) => /session_token=/.test(line))).toBe(false);

    const action = await send(`${server.baseUrl}/en/sign-in`, { method: "POST", headers: { origin: EVIL, "next-action": "0".repeat(40), "content-type": "text/plain" }, body: "[]" });
    expect(action.status).toBe(403);

    // The same write from our own origin goes through.
    const own = await send(url, { method: "POST", headers: { cookie, origin: server.baseUrl }, json: annotation });
    expect(own.status).toBe(201);
  });

  it("a revoked API key is refused by the very next request", async () => {
    const user = server.fixture.users[3];
    const bearer = { authorization: `Bearer ${user.token}` };
    expect((await articles(bearer)).status).toBe(200);
    await server.admin("revoke-key", user.keyId);
    const refused = await articles(bearer);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("a deactivated user's cookie and token are refused by the very next request, and they cannot sign in", async () => {
    const user = server.fixture.users[4];
    const cookie = await cookieOf(user);
    expect((await articles({ cookie })).status).toBe(200);
    expect((await articles({ authorization: `Bearer ${user.token}` })).status).toBe(200);
    await server.admin("deactivate-user", user.id);
    expect((await articles({ cookie })).status).toBe(401);
    expect((await articles({ authorization: `Bearer ${user.token}` })).status).toBe(401);
    expect((await signIn(user)).status).toBeGreaterThanOrEqual(400);
  });

  it("repeated failed sign-ins are rate-limited, then even the right password gets 429", async () => {
    const user = server.fixture.users[5];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn({ email: user.email, password: `wrong ${attempt}` })).status).toBe(401);
    }
    const locked = await signIn(user);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
