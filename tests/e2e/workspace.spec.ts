import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

const ARTICLE = "/en/articles/openai-talent-exodus";

function germanCell(page: Page, text: string) {
  return page.locator('td[data-lang="de"]', { hasText: text });
}

/** Selects `word` inside a cell's text with the mouse, as a reviewer would. */
async function selectWord(page: Page, cell: ReturnType<typeof germanCell>, word: string) {
  const box = cell.locator("[data-cell-text]");
  await box.evaluate((element, target) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
    }
    throw new Error(`${target} not found`);
  }, word);
}

test.describe.configure({ mode: "serial" });

test("a reviewer marks Suzkwer as a garbled name and applies Sutskever; it survives a reload", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(ARTICLE);
  const cell = germanCell(page, "Anschließend kündigte");
  await selectWord(page, cell, "Suzkwer");

  const dialog = page.getByRole("dialog", { name: "Mark an error" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Text to mark")).toHaveValue("Suzkwer");
  await dialog.getByRole("combobox", { name: "Error category" }).fill("entity");
  await dialog.getByRole("option", { name: "Entity (garbled name)" }).click();
  await dialog.getByRole("radio", { name: /Major/ }).check();
  await dialog.getByLabel("Suggestion").fill("Sutskever");
  await dialog.getByRole("button", { name: "Save and apply" }).click();
  await expect(dialog).toBeHidden();

  await expect(cell).toContainText("Anschließend kündigte Sutskever im Juni");
  await expect(cell.locator('mark[data-status="applied"]')).toHaveText("Sutskever");
  await cell.getByRole("button", { name: "Show the changes from the original text" }).click();
  await expect(cell.locator("del")).toHaveText("Suzkwer");
  await expect(cell.locator("ins")).toHaveText("Sutskever");

  await page.reload();
  const reloaded = germanCell(page, "Anschließend kündigte");
  await expect(reloaded).toContainText("kündigte Sutskever im Juni");
  await reloaded.getByRole("button", { name: "Show the changes from the original text" }).click();
  await expect(reloaded.locator("del")).toHaveText("Suzkwer");
});

test("an editor rejects the correction and the cell reads Suzkwer again", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(ARTICLE);
  const cell = germanCell(page, "Anschließend kündigte");
  await cell.locator('mark[data-status="applied"]').click();
  const panel = page.getByRole("complementary", { name: /German, position/ });
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Reject" }).click();
  await expect(cell).toContainText("Anschließend kündigte Suzkwer im Juni");
  await expect(panel.locator("[data-revision]").first()).toContainText("reverted correction");
});

test("the same flow with the keyboard only", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(ARTICLE);
  const position = Number(await germanCell(page, "Lake schloss sich").getAttribute("data-position"));
  const target = page.locator(`td[data-lang="de"][data-position="${position}"]`);

  // Into the grid: the first cell takes focus, then j/l walk to the German cell.
  await page.locator('[role="grid"] [tabindex="0"]').focus();
  for (let i = 1; i < position; i++) await page.keyboard.press("j");
  await expect(page.locator(`[data-row="${position - 1}"][data-col="1"]`)).toBeFocused();
  const col = Number(await target.getAttribute("data-col"));
  for (let i = 1; i < col; i++) await page.keyboard.press("l");
  await expect(target).toBeFocused();

  await page.keyboard.press("a");
  const dialog = page.getByRole("dialog", { name: "Mark an error" });
  await expect(dialog.getByLabel("Text to mark")).toBeFocused();
  await page.keyboard.type("Lake schloss");
  await page.keyboard.press("Tab");
  await page.keyboard.type("entity");
  await expect(dialog.getByRole("option", { selected: true })).toHaveText("Entity (garbled name)");
  // Tab leaves the filter for the severity radios, where M, m and n choose.
  await page.keyboard.press("Tab");
  await page.keyboard.press("M");
  await expect(dialog.getByRole("radio", { name: /Major/ })).toBeChecked();
  await dialog.getByLabel("Suggestion").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Leike schloss");
  await page.keyboard.press("Shift+Enter");
  await expect(dialog).toBeHidden();
  await expect(target).toContainText("Leike schloss sich OpenAIs");
  await expect(target.locator('mark[data-status="applied"]')).toHaveText("Leike schloss");

  // r marks the cell reviewed and moves on to the next row.
  await target.focus();
  await page.keyboard.press("r");
  await expect(target).toHaveAttribute("data-reviewed", "true");
  await expect(page.locator(`[data-row="${position}"][data-col="${col}"]`)).toBeFocused();
});

test("two users edit the same cell from the same base: the second sees the conflict and loses nothing", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "reviewer");
  await signIn(second, "editor");
  await first.goto(ARTICLE);
  await second.goto(ARTICLE);

  const mine = "Von Leike bis Schulman: Anthropic wirbt weiter Kernleute von OpenAI ab.";
  const theirs = "Von Leike bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an (überarbeitet).";
  const cellA = first.locator('td[data-lang="de"][data-position="31"]');
  const cellB = second.locator('td[data-lang="de"][data-position="31"]');
  await cellA.getByRole("button", { name: "Edit", exact: true }).click();
  await cellB.getByRole("button", { name: "Edit", exact: true }).click();
  await cellA.getByLabel("Text of this segment").fill(theirs);
  await cellA.getByRole("button", { name: "Save", exact: true }).click();
  await expect(cellA).toContainText("(überarbeitet)");

  await cellB.getByLabel("Text of this segment").fill(mine);
  await cellB.getByRole("button", { name: "Save", exact: true }).click();
  const alert = cellB.getByRole("alert");
  await expect(alert).toContainText("Someone else changed this cell");
  await expect(alert.locator('[data-conflict="theirs"]')).toHaveText(theirs);
  await expect(cellB.getByLabel("Text of this segment")).toHaveValue(mine);

  await alert.getByRole("button", { name: "Keep mine and save again" }).click();
  await cellB.getByRole("button", { name: "Save", exact: true }).click();
  await expect(cellB.locator("[data-cell-text]")).toHaveText(mine);
  await first.reload();
  await expect(first.locator('td[data-lang="de"][data-position="31"] [data-cell-text]')).toHaveText(mine);
  await first.close();
  await second.close();
});

test("marking a cell reviewed moves the progress bar", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(ARTICLE);
  const bar = page.getByRole("progressbar", { name: "Review progress of Spanish" });
  const before = Number(await bar.getAttribute("aria-valuenow"));
  const cell = page.locator('td[data-lang="es"][data-position="5"]');
  await cell.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(bar).toHaveAttribute("aria-valuenow", String(before + 1));
  await expect(cell).toHaveAttribute("data-reviewed", "true");
});

test("a saved edit in a row below the server-rendered ones never shows the old text again", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(ARTICLE);
  // Row 36 comes after hydration (tests/e2e/side-by-side.spec.ts checks it is not in the server's HTML).
  const cell = page.locator('td[data-lang="de"][data-position="36"]');
  const text = cell.locator("[data-cell-text]");
  await expect(text).toBeVisible();
  const before = await text.innerText();
  const after = `${before} (geprüft)`;
  // Every text the cell shows from the save on, as the browser draws it.
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shownTexts: string[] }).shownTexts = shown;
    new MutationObserver(() => {
      const element = document.querySelector('td[data-lang="de"][data-position="36"] [data-cell-text]');
      if (element) shown.push(element.textContent ?? "");
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await cell.getByRole("button", { name: "Edit", exact: true }).click();
  await cell.getByLabel("Text of this segment").fill(after);
  await cell.getByRole("button", { name: "Save", exact: true }).click();
  await expect(text).toHaveText(after);
  // The page and its rows refresh after the save; let them land.
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("grid")).not.toHaveAttribute("aria-busy", "true");
  await expect(text).toHaveText(after);
  const shown = await page.evaluate(() => (window as unknown as { shownTexts: string[] }).shownTexts);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((t) => t === before)).toEqual([]);
});
