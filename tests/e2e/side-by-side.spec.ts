import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("German and English align with the source, and deselecting English hides its column", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.getByRole("link", { name: /Open OpenAI faces multiple challenges/ }).click();
  await expect(page).toHaveURL(/\/en\/articles\/openai-talent-exodus/);

  const german = page.locator('td[data-lang="de"]', { hasText: "Anschließend kündigte Suzkwer" });
  await expect(german).toBeVisible();
  const position = await german.getAttribute("data-position");
  expect(Number(position)).toBeGreaterThan(4);

  const row = page.locator(`tr[data-position="${position}"]`);
  const source = row.locator('td[data-lang="zh"]');
  const english = row.locator('td[data-lang="en"]');
  await expect(source).toBeVisible();
  await expect(english).toBeVisible();
  await expect(english).toContainText("Safe Superintelligence");
  for (const cell of [german, source, english]) {
    await expect(cell).toHaveAttribute("data-version-id", /.+/);
  }

  const saved = page.waitForResponse((r) => r.url().endsWith("/preferences") && r.request().method() === "PUT");
  await page.getByRole("checkbox", { name: "English (demo MT)" }).uncheck();
  await expect(page.locator('td[data-lang="en"]')).toHaveCount(0);
  await expect(german).toBeVisible();
  expect((await saved).status()).toBe(200);

  // The choice is remembered for this user in the database, so a reload keeps it.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "English (demo MT)" })).not.toBeChecked();
  await expect(page.locator('td[data-lang="en"]')).toHaveCount(0);

  const restored = page.waitForResponse((r) => r.url().endsWith("/preferences") && r.request().method() === "PUT");
  await page.getByRole("checkbox", { name: "English (demo MT)" }).check();
  await expect(row.locator('td[data-lang="en"]')).toBeVisible();
  await restored;
});

test("the German version is the seed text, segment by segment", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/openai-talent-exodus");
  const headings = page.locator('td[data-lang="de"][data-kind="heading"] [data-cell-text]');
  await expect(headings).toHaveText([
    "Geben Sie diese Signale frei",
    "„Rebel“ eröffnet eine neue Ära",
    "Sicherheit ist ein Thema, an dem OpenAI nicht vorbeikommt",
    "ChallengerAnthropic",
  ]);
  await expect(page.locator('td[data-lang="de"]')).toHaveCount(38);
});

test("an unknown article is a translated 404", async ({ page }) => {
  await signIn(page, "reviewer");
  const response = await page.goto("/en/articles/no-such-article");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a position a version lacks shows an explicit missing cell, and Arabic cells are right to left", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/e2e-missing");
  const arabic = page.locator('td[data-lang="ar"]');
  await expect(arabic).toHaveCount(4);
  await expect(arabic.nth(1).locator("[data-cell-text]")).toHaveAttribute("dir", "rtl");
  await expect(arabic.nth(1).locator("[data-cell-text]")).toHaveText("الفقرة الأولى.");
  for (const position of [3, 4]) {
    const missing = page.locator(`td[data-lang="ar"][data-position="${position}"]`);
    await expect(missing).toHaveText("missing");
    await expect(missing).toHaveAttribute("data-missing", "true");
    await expect(missing).toHaveAccessibleName(`No segment at position ${position} in this version`);
  }
  await expect(page.locator('td[data-lang="en"][data-position="4"] [data-cell-text]')).toHaveText("Third paragraph.");
});

test("a link to a row below the server-rendered ones scrolls to it on a fresh load", async ({ page }) => {
  await signIn(page, "reviewer");
  // The server sends the first rows only; row 36 is rendered in the browser after hydration.
  const html = await (await page.request.get("/en/articles/openai-talent-exodus")).text();
  expect(html).toContain('id="pos-1"');
  expect(html).not.toContain('id="pos-36"');

  await page.goto("/en/articles/openai-talent-exodus#pos-36");
  const row = page.locator("tr#pos-36");
  await expect(row).toBeInViewport();
  await expect(page.locator("tr#pos-1")).not.toBeInViewport();
});
