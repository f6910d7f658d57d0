// Two app servers on one database (issue 8): playwright.config.ts starts server A (baseURL) and
// server B (E2E_BASE_URL_B) on the same database; they must behave as one.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { testUser, type TestRole } from "./fixtures";

const A = `http://localhost:${process.env.E2E_PORT}`;
const B = `http://localhost:${process.env.E2E_PORT_B}`;

const bearer = (role: TestRole) => ({ Authorization: `Bearer ${testUser(role).token}` });

interface Segment {
  id: string;
  position: number;
  originalText: string;
  text: string;
  revision: number;
}

/** Imports a two-language article through server A; returns its German segments as B reports them. */
async function importArticle(request: APIRequestContext, slug: string, source: string[], german: string[]): Promise<Segment[]> {
  const body = (lines: string[]) => Buffer.from(lines.join("\n\n"), "utf8");
  for (const [lang, lines, extra] of [["en", source, "&source=1"], ["de", german, ""]] as const) {
    const imported = await request.post(`${A}/api/v1/articles/${slug}/versions?lang=${lang}${extra}`, {
      headers: { ...bearer("editor"), "content-type": "text/plain" },
      data: body(lines),
    });
    expect(imported.status()).toBe(201);
  }
  const article = await request.get(`${B}/api/v1/articles/${slug}`, { headers: bearer("reviewer") });
  expect(article.status()).toBe(200);
  return (await article.json()).versions.find((v: { lang: string }) => v.lang === "de").segments;
}

test("an annotation created through server A is at once visible, and applicable, through server B", async ({ request }) => {
  const [, segment] = await importArticle(request, `two-servers-annotation-${Date.now()}`, ["Title", "Sutskever left."], ["Titel", "Suzkwer ging."]);
  const created = await request.post(`${A}/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start: 0, end: 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever" },
  });
  expect(created.status()).toBe(201);
  const { annotation } = await created.json();

  const applied = await request.post(`${B}/api/v1/annotations/${annotation.id}/apply`, { headers: bearer("reviewer") });
  expect(applied.status()).toBe(200);
  expect((await applied.json()).segment).toMatchObject({ text: "Sutskever ging.", revision: segment.revision + 1 });
  const history = await (await request.get(`${A}/api/v1/segments/${segment.id}/revisions`, { headers: bearer("reviewer") })).json();
  expect(history.revisions[0]).toMatchObject({ number: segment.revision + 1, cause: "apply" });
});

test("20 concurrent edits of one segment, split across A and B, give exactly one success and 19 conflicts", async ({ request }) => {
  const [, segment] = await importArticle(request, `two-servers-race-${Date.now()}`, ["Title", "One sentence."], ["Titel", "Ein Satz."]);
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      request.put(`${i % 2 === 0 ? A : B}/api/v1/segments/${segment.id}/text`, {
        headers: bearer("editor"),
        data: { text: `Ein Satz, Fassung ${i}.`, baseRevision: segment.revision },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  const winner = statuses.indexOf(200);
  const history = await (await request.get(`${B}/api/v1/segments/${segment.id}/revisions`, { headers: bearer("reviewer") })).json();
  // Exactly one new revision, the winner's: nothing lost, nothing doubled.
  expect(history.revisions.map((r: { number: number }) => r.number)).toEqual([segment.revision + 1, segment.revision]);
  expect(history.revisions[0].text).toBe(`Ein Satz, Fassung ${winner}.`);
});

test("a session started on server A is valid on server B, and signing out on B ends it on A", async ({ request }) => {
  const user = testUser("reviewer");
  const signIn = await request.post(`${A}/api/auth/sign-in/email`, { headers: { origin: A }, data: { email: user.email, password: user.password } });
  expect(signIn.status()).toBe(200);
  const cookie = signIn
    .headers()
    ["set-cookie"].split("\n")
    .map((line) => line.split(";")[0])
    .join("; ");
  const anonymous = await request.get(`${B}/api/v1/articles`, { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(401);
  const onB = await request.get(`${B}/api/v1/articles`, { headers: { cookie } });
  expect(onB.status()).toBe(200);

  const signOut = await request.post(`${B}/api/auth/sign-out`, { headers: { cookie, origin: B }, data: {} });
  expect(signOut.status()).toBe(200);
  expect((await request.get(`${A}/api/v1/articles`, { headers: { cookie } })).status()).toBe(401);
});

test("the checks on server B follow an edit made through server A at once: no stale findings", async ({ request }) => {
  const slug = `two-servers-checks-${Date.now()}`;
  const [, segment] = await importArticle(request, slug, ["Title", "One. Two."], ["Titel", "Eins. . Zwei."]);
  const findingsOnB = async () => {
    const response = await request.get(`${B}/api/v1/articles/${slug}/checks?lang=de`, { headers: bearer("reviewer") });
    expect(response.status()).toBe(200);
    const body = await response.json();
    return (body.findings as { segmentId: string | null; quote: string; revision: number | null }[]).filter((f) => f.segmentId === segment.id);
  };
  const before = await findingsOnB();
  expect(before.map((f) => f.quote)).toContain(". .");

  const edited = await request.put(`${A}/api/v1/segments/${segment.id}/text`, {
    headers: bearer("editor"),
    data: { text: "Eins. Zwei.", baseRevision: segment.revision },
  });
  expect(edited.status()).toBe(200);
  const after = await findingsOnB();
  expect(after.map((f) => f.quote)).not.toContain(". .");
  expect(after.every((f) => f.revision === segment.revision + 1)).toBe(true);
});
