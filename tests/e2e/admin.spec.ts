import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn, testUser } from "./fixtures";

const unique = () => crypto.randomUUID().slice(0, 8);

/** Filters the audit log by one action through the form, as an operator would. */
async function auditByAction(page: Page, action: string) {
  await page.getByRole("navigation", { name: "Administration sections" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("search", { name: "Filter the audit log" }).getByLabel("Action").selectOption(action);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`action=${action.replace(".", "\\.")}`));
}

test("an admin creates a user, changes its role and deactivates it, and the audit log shows it", async ({ page }) => {
  const email = `new-${unique()}@example.test`;
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const form = page.getByRole("region", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Nora <b>New</b>");
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill("short");
  // The browser's own check stops a short password; the server refuses it precisely too.
  await form.getByLabel("Initial password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toHaveText("The password must be at least 12 characters long.");
  await expect(form.getByLabel("Email")).toHaveValue(email);

  await form.getByLabel("Initial password").fill(crypto.randomBytes(12).toString("base64url"));
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${email}.`);

  const row = page.locator(`tr[data-user-email="${email}"]`);
  // The name is shown as text, never as markup.
  await expect(row.getByRole("cell").first()).toHaveText("Nora <b>New</b>");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Reviewer");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Active");

  await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption("editor");
  await row.getByRole("button", { name: `Save role of ${email}` }).click();
  await expect(row.getByRole("cell").nth(2)).toHaveText("Editor");

  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${email}?` });
  await expect(dialog).toBeVisible();
  // Cancel first: nothing happens.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").nth(3)).toHaveText("Active");
  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("cell").nth(3)).toHaveText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${email}` })).toBeVisible();

  await auditByAction(page, "user.role");
  const roleEvent = page.locator('tr[data-audit-action="user.role"]', { hasText: email }).first();
  await expect(roleEvent).toContainText(testUser("admin").email);
  // The role reads as its label, not its code.
  await expect(roleEvent.locator("del")).toHaveText("Reviewer");
  await expect(roleEvent.locator("ins")).toHaveText("Editor");
  // Actions, entities and fields read as words, with the action's code beside it for operators.
  await expect(roleEvent.getByRole("cell").nth(2)).toHaveText("Role changeduser.role");
  await expect(roleEvent.getByRole("cell").nth(3)).toContainText("User");
  await expect(roleEvent.locator("dt")).toHaveText(["Role"]);
  await expect(page.locator('tbody tr:not([data-audit-action="user.role"])')).toHaveCount(0);
  // …in the reader's language too, filter options included.
  const german = JSON.parse(fs.readFileSync(path.join(__dirname, "../../locales/de.json"), "utf8")).admin.audit;
  await page.goto("/de/admin/audit?action=user.role");
  const germanEvent = page.locator('tr[data-audit-action="user.role"]', { hasText: email }).first();
  await expect(germanEvent.getByRole("cell").nth(2)).toHaveText(`${german.actions.user.role}user.role`);
  await expect(germanEvent.getByRole("cell").nth(3)).toContainText(german.entities.user);
  await expect(germanEvent.locator("dt")).toHaveText([german.fields.role]);
  const germanRoles = JSON.parse(fs.readFileSync(path.join(__dirname, "../../locales/de.json"), "utf8")).roles;
  await expect(germanEvent.locator("ins")).toHaveText(germanRoles.editor);
  await expect(page.getByRole("search").getByLabel(german.filters.action).locator("option:checked")).toHaveText(german.actions.user.role);
  await page.goto("/en/admin");
  await auditByAction(page, "user.deactivate");
  await expect(page.locator('tr[data-audit-action="user.deactivate"]', { hasText: email })).toHaveCount(1);
});

test("an admin creates an API key, sees its secret once, and a revoked key gets 401", async ({ page, request }) => {
  const name = `ci-${unique()}`;
  const owner = testUser("reviewer");
  await signIn(page, "admin");
  await page.goto("/en/admin/api-keys");

  const form = page.getByRole("region", { name: "Create an API key" });
  await form.getByLabel("Owner").selectOption(owner.email);
  await form.getByLabel("Key name").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();

  const secretBox = page.getByRole("region", { name: `Key “${name}” for ${owner.email}` });
  await expect(secretBox).toContainText("It is shown only once");
  const secretField = secretBox.getByLabel("API key (secret)");
  await expect(secretField).toHaveAttribute("readonly", "");
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^verso_/);

  const ok = await request.get("/api/v1/articles", { headers: { Authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);

  const row = page.locator("tbody tr", { hasText: name });
  await expect(row).toContainText(owner.email);
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("Active");

  // The secret is gone after a reload and appears nowhere on the page.
  await page.reload();
  await expect(page.locator("[data-new-api-key]")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: `Revoke key ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke the key “${name}”?` });
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke key ${name}` })).toHaveCount(0);

  const refused = await request.get("/api/v1/articles", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);

  await auditByAction(page, "token.revoke");
  await expect(page.locator('tr[data-audit-action="token.revoke"]', { hasText: name })).toHaveCount(1);
  await auditByAction(page, "token.create");
  await expect(page.locator('tr[data-audit-action="token.create"]', { hasText: name })).toHaveCount(1);
});

test("a reviewer sees no admin content and no Admin link", async ({ page }) => {
  await signIn(page, "reviewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/en/admin", "/en/admin/api-keys", "/en/admin/audit?action=user.create"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByText(testUser("admin").email)).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Administration sections" })).toHaveCount(0);
  }
});

test("the admin screen speaks German", async ({ page }) => {
  await signIn(page, "admin", "de");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Benutzer" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Rolle" })).toBeVisible();
  await page.getByRole("link", { name: "Protokoll" }).click();
  await expect(page.getByRole("columnheader", { name: "Zeit (UTC)" })).toBeVisible();
});

test("the audit log reads snapshot values as words, not JSON", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/en/admin/audit?action=glossary.create");
  // The demo seed's Japanese term: its variants are a list, its scope is global (no article), its language a tag.
  const created = page.locator('tr[data-audit-action="glossary.create"]', { hasText: "スツケヴェル" }).first();
  const value = (field: string) => created.locator(`dt[data-field="${field}"] + dd`);
  await expect(value("variants")).toHaveText("スツケヴェル");
  await expect(value("article")).toHaveText("none");
  await expect(value("lang")).toHaveText("Japanese (ja)");
  await expect(created).not.toContainText("null");
  await expect(created).not.toContainText('["');
  await page.goto("/de/admin/audit?action=glossary.create");
  await expect(page.locator('tr[data-audit-action="glossary.create"]', { hasText: "スツケヴェル" }).first().locator('dt[data-field="lang"] + dd')).toHaveText("Japanisch (ja)");
});

/** Marks "OpenAI" in the demo's German version through the API, as the signed-in user; returns the annotation and its segment. */
async function annotateOpenAi(page: Page) {
  const detail = await (await page.request.get("/api/v1/articles/openai-talent-exodus")).json();
  const german = detail.versions.find((v: { lang: string }) => v.lang === "de");
  const segment = german.segments.find((s: { originalText: string }) => /\bOpenAI\b/.test(s.originalText));
  const start = segment.originalText.indexOf("OpenAI");
  const created = await page.request.post(`/api/v1/segments/${segment.id}/annotations`, {
    data: { start, end: start + 6, quote: "OpenAI", category: "Fluency/Spelling", severity: "minor", note: `audit ${unique()}` },
  });
  expect(created.status()).toBe(201);
  const { annotation } = await created.json();
  return { annotation: annotation as { id: string }, segment: segment as { position: number }, version: german as { label: string } };
}

/** The audit row of one entity's event. */
const auditRow = (page: Page, action: string, entityId: string) => page.locator(`tr[data-audit-action="${action}"]`, { has: page.locator(`td[data-entity-id="${entityId}"]`) });

test("the audit log names an annotation's MQM category level by level, in the reader's language", async ({ page }) => {
  await signIn(page, "admin");
  const { annotation } = await annotateOpenAi(page);
  const category = () => auditRow(page, "annotation.create", annotation.id).locator('dt[data-field="category"] + dd');
  await page.goto(`/en/admin/audit?action=annotation.create`);
  await expect(category()).toHaveText("Fluency › Spelling");
  await page.goto(`/de/admin/audit?action=annotation.create`);
  await expect(category()).toHaveText("Flüssigkeit › Rechtschreibung");
});

test("the audit log says what an annotation marks and where, and links to its row in the workspace", async ({ page }) => {
  await signIn(page, "admin");
  const { annotation, segment, version } = await annotateOpenAi(page);
  const entity = () => auditRow(page, "annotation.create", annotation.id).locator("td[data-entity-id]");
  await page.goto(`/de/admin/audit?action=annotation.create`);
  await expect(entity()).toContainText("„OpenAI“");
  await expect(entity()).toContainText(`de · ${version.label}, Position ${segment.position}`);
  await page.goto(`/en/admin/audit?action=annotation.create`);
  await expect(entity()).toContainText("“OpenAI”");
  await expect(entity()).not.toContainText(annotation.id.slice(0, 12));
  await entity().getByRole("link", { name: `de · ${version.label}, position ${segment.position}` }).click();
  await expect(page).toHaveURL(new RegExp(`/en/articles/openai-talent-exodus\\?page=\\d+#pos-${segment.position}$`));
  await expect(page.getByRole("gridcell", { name: `German, position ${segment.position}`, exact: true })).toBeVisible();
});
