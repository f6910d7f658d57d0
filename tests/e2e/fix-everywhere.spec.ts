import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, testUser } from "./fixtures";

// This spec's own article, created through the API so no shared fixture changes.
const SLUG = `e2e-fix-everywhere-${Date.now().toString(36)}`;
const ZH = "苏茨克维离职\n\n随后，苏茨克维宣布成立新公司。\n\n苏茨克维和莱克都曾在OpenAI工作。";
const DE = "Ilya Suzkwer geht\n\nAnschließend kündigte Suzkwer im Juni die Gründung an.\n\nSuzkwer und Lake arbeiteten bei OpenAI.";
const EN = "Ilya Suzkwer leaves\n\nThen Suzkwer announced a new company.\n\nSuzkwer and Lake both worked at OpenAI.";

const editor = () => ({ Authorization: `Bearer ${testUser("editor").token}` });

async function importText(request: APIRequestContext, lang: string, text: string, source = false) {
  const response = await request.post(`/api/v1/articles/${SLUG}/versions?lang=${lang}${source ? "&source=1&title=Fix%20everywhere%20test" : ""}`, {
    headers: { ...editor(), "Content-Type": "text/plain" },
    data: text,
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A "Suzkwer → Sutskever" annotation on the German segment at position 2, left open. */
async function annotateGerman(request: APIRequestContext) {
  const detail = await (await request.get(`/api/v1/articles/${SLUG}`, { headers: editor() })).json();
  const german = detail.versions.find((v: { lang: string }) => v.lang === "de");
  const segment = german.segments.find((s: { position: number }) => s.position === 2);
  const start = segment.originalText.indexOf("Suzkwer");
  const created = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: editor(),
    data: { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever" },
  });
  expect(created.status()).toBe(201);
}

test.describe.configure({ mode: "serial", timeout: 60_000 });

const cell = (page: import("@playwright/test").Page, lang: string, position: number) => page.locator(`[data-lang="${lang}"][data-position="${position}"][data-version-id]`);

test("fix everywhere: the user ticks some occurrences and only those change", async ({ page, request }) => {
  await importText(request, "zh", ZH, true);
  await importText(request, "de", DE);
  await importText(request, "en", EN);
  await annotateGerman(request);

  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}`);
  await cell(page, "de", 2).locator('mark[data-status="open"]').click();
  const panel = page.getByRole("complementary", { name: /German, position 2/ });
  await panel.getByRole("button", { name: "Fix “Suzkwer” → “Sutskever” everywhere" }).click();

  const dialog = page.getByRole("dialog", { name: "Fix “Suzkwer” → “Sutskever” everywhere" });
  await expect(dialog).toBeVisible();
  const german = dialog.getByRole("group", { name: /German \(de\)/ });
  const english = dialog.getByRole("group", { name: /English \(en\)/ });
  await expect(german.getByRole("checkbox", { name: /^Replace at position/ })).toHaveCount(3);
  await expect(english.getByRole("checkbox", { name: /^Replace at position/ })).toHaveCount(3);
  // Context with the match highlighted; only the annotation's own span is ticked in advance.
  await expect(german.locator("li", { hasText: "Anschließend kündigte" }).locator("mark")).toHaveText("Suzkwer");
  const own = german.getByRole("checkbox", { name: "Replace at position 2 in German (de) · imported: Anschließend kündigte Suzkwer im Juni die Gründung an." });
  await expect(own).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Apply to 1 occurrence" })).toBeVisible();

  // Keyboard: tick the English heading line, and the German position 3 with the mouse.
  const englishTitle = english.getByRole("checkbox", { name: /^Replace at position 1 in English/ });
  await englishTitle.focus();
  await page.keyboard.press("Space");
  await expect(englishTitle).toBeChecked();
  await german.getByRole("checkbox", { name: /^Replace at position 3 in German/ }).check();
  await page.screenshot({ path: test.info().outputPath("fix-everywhere-dialog.png") });
  await dialog.getByRole("button", { name: "Apply to 3 occurrences" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("status")).toHaveText("Replaced 3 occurrences.");

  await expect(cell(page, "de", 2)).toContainText("kündigte Sutskever im Juni");
  await expect(cell(page, "de", 3)).toContainText("Sutskever und Lake");
  await expect(cell(page, "en", 1)).toContainText("Ilya Sutskever leaves");
  await expect(cell(page, "de", 1)).toContainText("Ilya Suzkwer geht");
  await expect(cell(page, "en", 2)).toContainText("Then Suzkwer announced");
  await expect(cell(page, "en", 3)).toContainText("Suzkwer and Lake");
});

test("select all in a version, Esc closes the dialog only, and a conflict is shown precisely", async ({ page, request }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}`);
  await cell(page, "de", 2).locator('mark[data-status="applied"]').click();
  const panel = page.getByRole("complementary", { name: /German, position 2/ });
  await panel.getByRole("button", { name: "Fix “Suzkwer” → “Sutskever” everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Fix “Suzkwer” → “Sutskever” everywhere" });
  const english = dialog.getByRole("group", { name: /English \(en\)/ });
  await expect(english.getByRole("checkbox", { name: /^Replace at position/ })).toHaveCount(2);
  // German position 1 was not ticked the first time, so it is still listed.
  await expect(dialog.getByRole("group", { name: /German/ }).getByRole("checkbox", { name: /^Replace at position/ })).toHaveCount(1);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(panel).toBeVisible();

  await panel.getByRole("button", { name: "Fix “Suzkwer” → “Sutskever” everywhere" }).click();
  await english.getByRole("checkbox", { name: /^Select all in English/ }).check();
  await expect(english.getByRole("checkbox", { name: /^Replace at position/ }).first()).toBeChecked();

  // Someone edits position 2 of the English version meanwhile.
  const detail = await (await request.get(`/api/v1/articles/${SLUG}`, { headers: editor() })).json();
  const segment = detail.versions.find((v: { lang: string }) => v.lang === "en").segments.find((s: { position: number }) => s.position === 2);
  const edited = await request.put(`/api/v1/segments/${segment.id}/text`, { headers: editor(), data: { text: "Then Suzkwer announced a new company in June.", baseRevision: segment.revision } });
  expect(edited.status()).toBe(200);

  await dialog.getByRole("button", { name: "Apply to 2 occurrences" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Nothing was changed");
  await expect(alert).toContainText("English · imported, position 2: the text changed (now revision 2, listed at revision 1).");
  await expect(english.locator('li[data-conflict="true"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("fix-everywhere-conflict.png") });
  await alert.getByRole("button", { name: "Reload the list" }).click();
  await expect(alert).toBeHidden();
  await expect(english.locator("li", { hasText: "in June" })).toHaveCount(1);
  await expect(english.getByRole("checkbox", { name: /position 2/ })).not.toBeChecked();
  await expect(english.getByRole("checkbox", { name: /position 3/ })).toBeChecked();
  await expect(cell(page, "en", 3)).toContainText("Suzkwer and Lake");
});
