import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("from a glossary variant, fix everywhere lists the occurrences with context across articles, and nothing changes until applied", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/glossary?q=Suzkwer");
  await page.getByRole("button", { name: "Fix “Suzkwer” everywhere: replace it with “Sutskever”" }).click();
  const dialog = page.getByRole("dialog", { name: "Fix “Suzkwer” → “Sutskever” everywhere" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Include all articles").check();
  // The demo article and the approval-test copy both carry the German seed (other tests' articles may add more).
  const boxes = dialog.getByRole("checkbox", { name: /^Replace at position \d+ in .*Suzkwer/ });
  await expect(boxes.first()).toBeVisible();
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await expect(dialog.getByRole("button", { name: "Apply" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
