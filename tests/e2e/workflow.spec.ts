import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, testUser, type TestRole } from "./fixtures";

const SLUG = "e2e-approval";
const SEED = fs.readFileSync(path.join(__dirname, "../../prisma/seed-data/000_fd11f6bd83abf008.txt"));

const bearer = (role: TestRole) => ({ Authorization: `Bearer ${testUser(role).token}` });

interface Segment {
  id: string;
  position: number;
  originalText: string;
  revision: number;
}

async function german(request: APIRequestContext): Promise<{ id: string; status: string; segments: Segment[] }> {
  const response = await request.get(`/api/v1/articles/${SLUG}`, { headers: bearer("reviewer") });
  expect(response.status()).toBe(200);
  return (await response.json()).versions.find((v: { lang: string }) => v.lang === "de");
}

/** Picks a format from a version's export menu and returns the downloaded file's bytes. */
async function exportFromMenu(page: Page, lang: string, format: string): Promise<Buffer> {
  const row = page.locator(`tr[data-workflow-version][data-lang="${lang}"]`);
  await row.getByText(/^Export/).click();
  const [download] = await Promise.all([page.waitForEvent("download"), row.locator(`a[data-format="${format}"]`).click()]);
  return fs.readFileSync((await download.path())!);
}

test.describe.configure({ mode: "serial" });

test("an untouched version's export equals its import, byte for byte", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}`);
  const body = await exportFromMenu(page, "de", "txt");
  expect(body.equals(SEED)).toBe(true);
});

test("a reviewer has no approve button, and the API answers 403", async ({ page, request }) => {
  await signIn(page, "reviewer");
  await page.goto(`/en/articles/${SLUG}`);
  await expect(page.locator('tr[data-workflow-version][data-lang="de"]')).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  const version = await german(request);
  const response = await request.post(`/api/v1/versions/${version.id}/approve`, { headers: bearer("reviewer"), data: { overrideReason: "I insist" } });
  expect(response.status()).toBe(403);
  expect((await german(request)).status).toBe("in_review");
});

test("an editor sees what blocks approval, approves with an override reason, and the txt export has the correction", async ({ page, request }) => {
  const version = await german(request);
  const segment = version.segments.find((s) => s.originalText.includes("Suzkwer"))!;
  const name = segment.originalText.indexOf("Suzkwer");
  const applied = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start: name, end: name + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever", apply: true },
  });
  expect(applied.status()).toBe(201);
  const lake = segment.originalText.indexOf("Lake");
  const open = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start: lake, end: lake + 4, quote: "Lake", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Leike" },
  });
  expect(open.status()).toBe(201);

  // Without a reason the API lists the blockers.
  const refused = await request.post(`/api/v1/versions/${version.id}/approve`, { headers: bearer("editor"), data: {} });
  expect(refused.status()).toBe(409);
  const { error } = await refused.json();
  expect(error.details.gate.openAnnotations).toEqual([expect.objectContaining({ quote: "Lake", severity: "major", position: segment.position })]);

  await signIn(page, "editor");
  await page.goto(`/en/articles/${SLUG}`);
  await page.getByRole("button", { name: /^Approve German/ }).click();
  const dialog = page.getByRole("dialog", { name: /Approve German/ });
  const blockers = dialog.getByTestId("approval-blockers");
  await expect(blockers).toContainText("1 open major or non-translation annotation");
  await expect(blockers.getByRole("link", { name: /major Accuracy\/Mistranslation\/Entity – “Lake”/ })).toHaveAttribute("href", new RegExp(`#pos-${segment.position}$`));
  // The checks' unresolved errors block too, and are listed (the glossary knows Lake is wrong for Leike).
  await expect(blockers).toContainText(/\d+ unresolved error-level findings?/);
  await expect(blockers).toContainText(/\d+ segments not reviewed/);
  // The override needs a reason.
  await dialog.getByRole("button", { name: "Approve with override" }).click();
  await expect(page.getByRole("dialog", { name: /Approve German/ })).toBeVisible();
  await dialog.getByLabel(/Override reason/).fill("Leike is fixed in the CMS; deadline");
  await dialog.getByRole("button", { name: "Approve with override" }).click();
  await expect(dialog).toBeHidden();

  const row = page.locator('tr[data-workflow-version][data-lang="de"]');
  await expect(row).toContainText("Approved");
  await expect(row.getByTestId("override-reason")).toContainText("Leike is fixed in the CMS; deadline");
  await expect(row.getByTestId("approval-note")).toContainText("approved by E2E editor");

  const txt = (await exportFromMenu(page, "de", "txt")).toString("utf8");
  expect(txt).toContain("Anschließend kündigte Sutskever im Juni dieses Jahres");
  expect(txt).not.toContain("Suzkwer");

  // The approved-only export now works through the API, and the dashboard shows the approval.
  const approvedOnly = await request.get(`/api/v1/articles/${SLUG}/export?lang=de&format=txt&approvedOnly=1`, { headers: bearer("reviewer") });
  expect(approvedOnly.status()).toBe(200);
  await page.goto("/en");
  await expect(page.locator(`tr[data-version-id="${version.id}"]`)).toContainText("override: Leike is fixed in the CMS; deadline");
});

test("the audit log shows the approval with its override reason", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/en/admin/audit?action=version.approve");
  const event = page.locator('tr[data-audit-action="version.approve"]').filter({ hasText: "Leike is fixed in the CMS; deadline" });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("e2e-editor@example.test");
});

test("an approved-only export of an unapproved version is refused with 409", async ({ request }) => {
  const response = await request.get(`/api/v1/articles/${SLUG}/export?lang=zh&format=txt&approvedOnly=1`, { headers: bearer("reviewer") });
  expect(response.status()).toBe(409);
  expect((await response.json()).error.message).toMatch(/not approved/);
});
