import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export type TestRole = "reviewer" | "editor" | "admin";

export function testUser(role: TestRole | "locked"): { email: string; password: string; name: string; token?: string } {
  const dir = process.env.E2E_DIR;
  if (!dir) throw new Error("E2E_DIR is not set; run the tests through playwright.config.ts");
  return JSON.parse(fs.readFileSync(path.join(dir, "users.json"), "utf8"))[role];
}

/** Signs in through the real form, in English unless another locale is given. */
export async function signIn(page: Page, role: TestRole, locale = "en") {
  const user = testUser(role);
  await page.goto(`/${locale}/sign-in`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
