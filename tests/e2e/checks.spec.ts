import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { expect, test } from "@playwright/test";
import { signIn, testUser } from "./fixtures";

const SLUG = "openai-talent-exodus";

test("the grid underlines findings, and the Checks tab lists the German version's findings by check", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}`);
  await expect(page.locator("[data-finding]").filter({ hasText: "Suzkwer" }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Workspace views" }).getByRole("link", { name: /^Checks/ }).click();
  await expect(page).toHaveURL(/tab=checks/);
  const section = page.locator("section[data-checks-version]").filter({ has: page.getByRole("heading", { name: /German/ }) });
  await expect(section.getByRole("heading", { name: /German/ })).toContainText(/\d+ errors?/);
  for (const quote of ["Suzkwer", "Geimini", "OpenAl"]) {
    await expect(section.locator("li[data-finding-row]").filter({ hasText: quote }).first()).toBeVisible();
  }
  await expect(section.locator('details[data-check="names"] summary')).toContainText("Names across versions");
});

test("converting the OpenAl finding creates an annotation", async ({ page, request }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}?tab=checks`);
  const german = page.locator('section[data-checks-version][data-lang="de"]');
  await german.locator("li[data-finding-row]").filter({ hasText: "OpenAl" }).first().getByRole("button", { name: /^Annotate “OpenAl”/ }).click();
  await expect(page.getByRole("status")).toContainText("Annotated “OpenAl”.");
  // The annotation takes the finding up: it leaves the list.
  await expect(german.locator("li[data-finding-row]").filter({ hasText: "OpenAl" })).toHaveCount(0);

  const article = await (await request.get(`/api/v1/articles/${SLUG}`, { headers: { Authorization: `Bearer ${testUser("reviewer").token}` } })).json();
  const annotations = article.versions
    .find((v: { lang: string }) => v.lang === "de")
    .segments.flatMap((s: { annotations: { quote: string; suggestion: string | null; status: string; category: string }[] }) => s.annotations);
  expect(annotations).toEqual(expect.arrayContaining([expect.objectContaining({ quote: "OpenAl", suggestion: "OpenAI", status: "open" })]));
});

test("the names matrix marks the German Suzkwer red, and its cell jumps to the grid", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}?tab=names`);
  const row = page.locator('tr[data-name-row="Sutskever"]');
  const germanCell = row.locator('td[data-lang="de"]');
  const outlier = germanCell.locator('a[data-outlier="true"]');
  await expect(outlier).toContainText("Suzkwer");
  await expect(outlier).toHaveClass(/text-red-800/);
  await expect(row.locator('td[data-lang="es"] a[data-outlier="false"]')).toContainText("Sutskever");
  await outlier.click();
  await expect(page).toHaveURL(/#pos-\d+$/);
  await expect(page.locator('[data-lang="de"]').getByText("Suzkwer").first()).toBeVisible();
});

test("in the German interface, findings read in German in the Checks tab and on the grid's underlines", async ({ page }) => {
  const german = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../locales/de.json"), "utf8")).findingMessages;
  const glossary = (found: string, expected: string) => String(new IntlMessageFormat(german.glossary.variant, "de").format({ found, expected }));
  await signIn(page, "reviewer");

  await page.goto(`/de/articles/${SLUG}?tab=checks`);
  const section = page.locator('section[data-checks-version][data-lang="de"]');
  await expect(section.locator('li[data-finding-row="glossary"]').filter({ hasText: "Suzkwer" }).first()).toContainText(glossary("Suzkwer", "Sutskever"));
  await expect(section).not.toContainText("is a known wrong form");

  await page.goto(`/de/articles/${SLUG}`);
  await expect(page.locator('[data-finding="glossary"]').filter({ hasText: "Suzkwer" }).first()).toHaveAttribute("title", `${glossary("Suzkwer", "Sutskever")} → Sutskever`);
});
