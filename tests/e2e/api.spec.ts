import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("/api/health answers ok without a session", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("the API refuses anonymous callers with a JSON 401", async ({ request }) => {
  const response = await request.get("/api/v1/articles");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });

  const forged = await request.get("/api/v1/articles", { headers: { cookie: "better-auth.session_token=forged" } });
  expect(forged.status()).toBe(401);
});

test("a signed-in browser session can list articles through the API", async ({ page }) => {
  await signIn(page, "reviewer");
  const response = await page.request.get("/api/v1/articles");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.articles.map((a: { slug: string }) => a.slug)).toContain("openai-talent-exodus");
});

test("an API path no endpoint serves is a JSON 404, with or without a session", async ({ request, page }) => {
  const anonymous = await request.post("/api/v1/no-such-endpoint", { data: {} });
  expect(anonymous.status()).toBe(404);
  expect(await anonymous.json()).toMatchObject({ error: { code: "not_found", message: "no API endpoint POST /api/v1/no-such-endpoint" } });
  await signIn(page, "reviewer");
  const signedIn = await page.request.get("/api/v1/articles/openai-talent-exodus/no-such-thing");
  expect(signedIn.status()).toBe(404);
  expect((await signedIn.json()).error.code).toBe("not_found");
});
