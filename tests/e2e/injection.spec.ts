import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, testUser } from "./fixtures";

// Hostile text in every field a user or an imported file can fill: it must show as text on every
// screen, never run, never become an element, and the exported HTML must escape it.
const SLUG = "e2e-injection";
const SCRIPT = `<script>window.__xss="script"</script>`;
const IMG = `<img src=x onerror="window.__xss='img'">`;
const SVG = `<svg onload="window.__xss='svg'"></svg>`;
const LINK = `<a href="javascript:window.__xss='a'">click me</a>`;
const MARKDOWN_LINK = `[click](javascript:window.__xss='md')`;
const TEMPLATE = `{{constructor.constructor('window.__xss="tmpl"')()}} \${window.__xss="tpl"}`;
const TITLE = `Hostile ${SCRIPT} title ${IMG}`;

const admin = () => ({ Authorization: `Bearer ${testUser("admin").token}` });

async function importText(request: APIRequestContext, query: string, lines: string[]) {
  const response = await request.post(`/api/v1/articles/${SLUG}/versions?${query}`, {
    headers: { ...admin(), "Content-Type": "text/plain" },
    data: Buffer.from(lines.join("\n\n"), "utf8"),
  });
  expect(response.status(), await response.text()).toBe(201);
}

test.beforeAll(async ({ request }) => {
  const exists = await request.get(`/api/v1/articles/${SLUG}`, { headers: admin() });
  if (exists.status() === 200) return;
  await importText(request, `lang=en&source=1&title=${encodeURIComponent(TITLE)}`, [
    TITLE,
    `A paragraph with ${SCRIPT} inside it.`,
    `An image ${IMG} and a vector ${SVG}.`,
    `A link ${LINK} and a Markdown link ${MARKDOWN_LINK}.`,
    `Template syntax ${TEMPLATE} in plain text.`,
  ]);
  await importText(request, "lang=de&label=hostile%20MT", [
    `Feindlicher ${SCRIPT} Titel ${IMG}`,
    `Ein Absatz mit ${SCRIPT} darin.`,
    `Ein Bild ${IMG} und eine Grafik ${SVG}.`,
    `Ein Link ${LINK} und ein Markdown-Link ${MARKDOWN_LINK}.`,
    `Vorlagen ${TEMPLATE} im Klartext.`,
  ]);
  const article = await (await request.get(`/api/v1/articles/${SLUG}`, { headers: admin() })).json();
  const german = article.versions.find((v: { lang: string }) => v.lang === "de");
  const segment = german.segments.find((s: { originalText: string }) => s.originalText.startsWith("Ein Absatz"));
  const start = segment.originalText.indexOf(SCRIPT);
  const annotation = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: admin(),
    data: { start, end: start + SCRIPT.length, quote: SCRIPT, category: "Fluency/Spelling", severity: "minor", suggestion: IMG, note: `${LINK} ${TEMPLATE}` },
  });
  expect(annotation.status(), await annotation.text()).toBe(201);
  const term = await request.post("/api/v1/glossary", {
    headers: admin(),
    data: { lang: "de", canonical: `Verso${IMG}`, variants: [`{{7*7}}${SVG}`], note: `${SCRIPT} ${LINK}`, articleSlug: SLUG },
  });
  expect(term.status(), await term.text()).toBe(201);
});

/** Fails on any dialog (alert, confirm, prompt) the page opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

async function expectInert(page: Page, screen: string) {
  await page.waitForLoadState("networkidle");
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: string }).__xss ?? null,
    // An injected element would hold the payload alone; Next's own data scripts carry the text JSON-quoted.
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim() === 'window.__xss="script"').length,
    images: [...document.querySelectorAll("img")].filter((i) => i.getAttribute("src") === "x").length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    svgs: [...document.querySelectorAll("svg")].filter((s) => s.getAttribute("onload")).length,
    links: [...document.querySelectorAll("a[href]")].filter((a) => a.getAttribute("href")!.trim().toLowerCase().startsWith("javascript:")).length,
  }));
  expect(found, screen).toEqual({ flag: null, scripts: 0, images: 0, handlers: 0, svgs: 0, links: 0 });
}

test("hostile text stays text on every screen and in the HTML export", async ({ page, request }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "admin");
  const screens: [string, string][] = [
    ["dashboard", "/en"],
    ["workspace grid", `/en/articles/${SLUG}`],
    ["checks tab", `/en/articles/${SLUG}?tab=checks`],
    ["names tab", `/en/articles/${SLUG}?tab=names`],
    ["report", `/en/articles/${SLUG}/report`],
    ["glossary", "/en/glossary"],
    ["audit log", `/en/admin/audit?article=${SLUG}`],
  ];
  for (const [screen, url] of screens) {
    await page.goto(url);
    await expectInert(page, screen);
  }
  // The payloads are there, as text a reviewer can read.
  await page.goto(`/en/articles/${SLUG}`);
  await expect(page.getByText(`Ein Absatz mit ${SCRIPT} darin.`).first()).toBeVisible();
  await page.goto("/en/glossary");
  await expect(page.getByText(`Verso${IMG}`).first()).toBeVisible();
  expect(dialogs).toEqual([]);

  const exported = await request.get(`/api/v1/articles/${SLUG}/export?lang=de&format=html`, { headers: admin() });
  expect(exported.status()).toBe(200);
  const html = await exported.text();
  expect(html).not.toContain("<script>window.__xss");
  expect(html).not.toContain("<img src=x");
  expect(html).not.toMatch(/<a [^>]*href="javascript:/i);
  expect(html).toContain("&lt;script&gt;window.__xss");
});
