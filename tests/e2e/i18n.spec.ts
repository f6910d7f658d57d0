import { expect, test } from "@playwright/test";
import de from "../../locales/de.json";
import { signIn } from "./fixtures";

test("the German interface shows German labels", async ({ page }) => {
  await page.goto("/de/sign-in");
  await expect(page.getByRole("heading", { name: de.signIn.title })).toBeVisible();
  await expect(page.getByLabel(de.signIn.email)).toBeVisible();
  await expect(page.getByRole("button", { name: de.signIn.submit })).toBeVisible();

  await signIn(page, "reviewer", "de");
  await expect(page).toHaveURL(/\/de$/);
  await expect(page.getByRole("heading", { name: de.dashboard.title, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: de.nav.signOut })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
});

test("the language switcher changes the interface language and keeps the page", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/openai-talent-exodus");
  await page.getByLabel("Interface language").selectOption("de");
  await expect(page).toHaveURL(/\/de\/articles\/openai-talent-exodus/);
  await expect(page.getByRole("group", { name: de.workspace.pickVersions })).toBeVisible();
});
