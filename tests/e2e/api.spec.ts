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
