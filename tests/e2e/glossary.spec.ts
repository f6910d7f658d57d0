import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn, testUser, type TestRole } from "./fixtures";

const unique = () => crypto.randomUUID().slice(0, 8);
const bearer = (role: TestRole) => ({ Authorization: `Bearer ${testUser(role).token}` });

async function openGlossary(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Glossary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
}

/** The table row of a term, found by its canonical form (the row header) and language. */
const termRow = (page: Page, lang: string, canonical: string) => page.locator(`tr[data-lang="${lang}"]`).filter({ has: page.getByRole("rowheader", { name: canonical, exact: true }) });

test("the seeded glossary is listed with its known wrong variants, and filters by language and text", async ({ page }) => {
  await signIn(page, "reviewer");
  await openGlossary(page);
  const sutskever = termRow(page, "de", "Sutskever");
  await expect(sutskever).toHaveCount(1);
  await expect(sutskever.getByRole("list", { name: "Known wrong variants of Sutskever" })).toHaveText("Suzkwer");
  await expect(sutskever).toContainText("Ilya Sutskever");
  await expect(sutskever).toContainText("Global");
  await expect(termRow(page, "de", "Leike").getByRole("listitem")).toHaveText("Lake");

  const search = page.getByRole("search", { name: "Filter the glossary" });
  await search.getByLabel("Language").selectOption("de");
  await search.getByLabel("Text").fill("suzk");
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/lang=de&q=suzk/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByText("1 term", { exact: true })).toBeVisible();
  await expect(termRow(page, "de", "Sutskever")).toBeVisible();
});

test("a reviewer sees the glossary read-only: no add, edit, delete or import controls", async ({ page }) => {
  await signIn(page, "reviewer");
  await openGlossary(page);
  await expect(termRow(page, "de", "Sutskever")).toBeVisible();
  await expect(page.getByText("You can read the glossary; editors and admins can change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Edit|Delete)\b/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Add a term" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Import CSV" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);
  // Export stays available to everyone.
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
});

test("an editor adds a term, is told precisely what is wrong, edits it and deletes it after confirming", async ({ page }) => {
  const canonical = `Karpathy-${unique()}`;
  await signIn(page, "editor");
  await openGlossary(page);

  const add = page.getByRole("region", { name: "Add a term" });
  await add.getByLabel("Language").fill("German");
  await add.getByLabel("Canonical form").fill(canonical);
  await add.getByLabel("Known wrong variants").fill("Karpaty\n<b>Karpathi</b>");
  await add.getByLabel("Note").fill("Andrej Karpathy");
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByRole("alert")).toHaveText("Not a BCP-47 language tag (for example de, en or zh-Hans).");
  await expect(add.getByLabel("Language")).toHaveAttribute("aria-invalid", "true");

  await add.getByLabel("Language").fill("de");
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added “${canonical}” (de).`);
  const row = termRow(page, "de", canonical);
  // Variants are text, never markup.
  await expect(row.getByRole("listitem")).toHaveText(["Karpaty", "<b>Karpathi</b>"]);

  await add.getByLabel("Language").fill("de");
  await add.getByLabel("Canonical form").fill(canonical);
  await add.getByRole("button", { name: "Add term" }).click();
  await expect(add.getByRole("alert")).toHaveText("This term is already in the glossary for this scope.");

  await row.getByRole("button", { name: `Edit ${canonical} (de)` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit “${canonical}” (de)` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Known wrong variants")).toHaveValue("Karpaty\n<b>Karpathi</b>");
  await dialog.getByLabel("Known wrong variants").fill("Karpaty\nKarpati");
  await dialog.getByLabel("Scope").selectOption({ label: "OpenAI faces multiple challenges: talent drain, financial pressure and rivals catching up" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("listitem")).toHaveText(["Karpaty", "Karpati"]);
  await expect(row.getByRole("link", { name: /OpenAI faces multiple challenges/ })).toBeVisible();

  await row.getByRole("button", { name: `Delete ${canonical} (de)` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete “${canonical}” (de)?` });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Delete ${canonical} (de)` }).click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});

test("CSV export downloads the seeded glossary", async ({ page }) => {
  await signIn(page, "reviewer");
  await openGlossary(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("glossary.csv");
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("lang,canonical,variants,note,article\r\n")).toBe(true);
  expect(text).toContain("\r\nde,Sutskever,Suzkwer,Ilya Sutskever; garbled in the demo MT,\r\n");
});

test("CSV import refuses a bad file with its line and field, then imports a good one", async ({ page }, testInfo) => {
  const canonical = `Amodei-${unique()}`;
  await signIn(page, "editor");
  await openGlossary(page);
  const form = page.getByRole("region", { name: "Import CSV" });
  const bad = testInfo.outputPath("terms.csv");
  fs.writeFileSync(bad, `lang,canonical,variants,note,article\r\nde,${canonical},Amodai,"Dario Amodei, Anthropic",\r\nGerman,Leike,Lake,,\r\n`);
  await form.getByLabel("CSV file").setInputFiles(bad);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toHaveText("terms.csv, line 3, field “lang”: Not a BCP-47 language tag (for example de, en or zh-Hans).");
  await expect(termRow(page, "de", canonical)).toHaveCount(0);

  fs.writeFileSync(bad, `\uFEFFlang,canonical,variants,note,article\r\nde,${canonical},Amodai|Amodey,"Dario Amodei, Anthropic",\r\n`);
  await form.getByLabel("CSV file").setInputFiles(bad);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toHaveText("Imported terms.csv: 1 added, 0 updated, 0 unchanged.");
  await expect(termRow(page, "de", canonical).getByRole("listitem")).toHaveText(["Amodai", "Amodey"]);
  await expect(termRow(page, "de", canonical)).toContainText("Dario Amodei, Anthropic");
});

test("the glossary speaks German", async ({ page }) => {
  await signIn(page, "editor", "de");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Glossar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Glossar" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Bekannte falsche Varianten" })).toBeVisible();
  await expect(termRow(page, "de", "Sutskever").getByRole("button", { name: "Sutskever (de) bearbeiten" })).toBeVisible();
});

test("a pipeline manages the glossary through the API: CRUD, CSV import with replace, precise refusals", async ({ request }) => {
  const canonical = `Srinivas-${unique()}`;
  const json = (role: TestRole) => ({ ...bearer(role), "Content-Type": "application/json" });
  const created = await request.post("/api/v1/glossary", { headers: json("editor"), data: { lang: "en", canonical, variants: ["Srinivasan"] } });
  expect(created.status()).toBe(201);
  const { term } = await created.json();
  expect(term).toMatchObject({ lang: "en", canonical, variants: ["Srinivasan"], note: null, article: null });

  expect((await request.post("/api/v1/glossary", { headers: json("reviewer"), data: { lang: "en", canonical: `x-${canonical}` } })).status()).toBe(403);
  expect((await request.post("/api/v1/glossary", { headers: json("editor"), data: { lang: "en", canonical } })).status()).toBe(409);
  const updated = await request.put(`/api/v1/glossary/${term.id}`, { headers: json("editor"), data: { lang: "en", canonical, variants: ["Srinivasan", "Shrinivas"], note: "Aravind Srinivas" } });
  expect((await updated.json()).term).toMatchObject({ variants: ["Srinivasan", "Shrinivas"], note: "Aravind Srinivas" });

  const csv = `lang,canonical,variants,note,article\r\nen,${canonical},Srinivasan,"Aravind Srinivas, Perplexity",\r\n`;
  const csvHeaders = { ...bearer("editor"), "Content-Type": "text/csv" };
  const refused = await request.post("/api/v1/glossary/import?fileName=terms.csv", { headers: csvHeaders, data: csv });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatchObject({ details: { file: "terms.csv", line: 2, field: "canonical", reason: "exists" } });
  const replaced = await request.post("/api/v1/glossary/import?fileName=terms.csv&replace=1", { headers: csvHeaders, data: csv });
  expect(await replaced.json()).toEqual({ file: "terms.csv", created: 0, updated: 1, unchanged: 0 });
  const bad = await request.post("/api/v1/glossary/import?fileName=terms.csv", { headers: csvHeaders, data: csv.replace("\r\nen,", "\r\nEnglish,") });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe('terms.csv line 2, field "lang": not a BCP-47 language tag');
  expect((await request.post("/api/v1/glossary/import", { headers: { ...bearer("editor"), "Content-Type": "application/pdf" }, data: "%PDF" })).status()).toBe(415);

  const listed = await request.get(`/api/v1/glossary?lang=en&q=${canonical}`, { headers: bearer("reviewer") });
  expect((await listed.json()).terms).toMatchObject([{ canonical, variants: ["Srinivasan"], note: "Aravind Srinivas, Perplexity" }]);
  const exported = await request.get(`/api/v1/glossary?lang=en&q=${canonical}&format=csv`, { headers: bearer("reviewer") });
  expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await exported.text()).toBe(csv);
  expect((await request.get("/api/v1/glossary?format=xlsx", { headers: bearer("reviewer") })).status()).toBe(415);

  expect((await request.delete(`/api/v1/glossary/${term.id}`, { headers: bearer("reviewer") })).status()).toBe(403);
  expect((await request.delete(`/api/v1/glossary/${term.id}`, { headers: bearer("editor") })).status()).toBe(200);
  expect((await request.delete(`/api/v1/glossary/${term.id}`, { headers: bearer("editor") })).status()).toBe(404);
});
