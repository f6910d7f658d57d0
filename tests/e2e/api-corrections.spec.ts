import { expect, test, type APIRequestContext } from "@playwright/test";
import { testUser, type TestRole } from "./fixtures";

const SLUG = "openai-talent-exodus";

function bearer(role: TestRole) {
  return { Authorization: `Bearer ${testUser(role).token}` };
}

interface Segment {
  id: string;
  position: number;
  originalText: string;
  text: string;
  revision: number;
}

/** A German segment from the API shape, found by its text. */
async function germanSegment(request: APIRequestContext, startsWith: string): Promise<Segment> {
  const response = await request.get(`/api/v1/articles/${SLUG}`, { headers: bearer("reviewer") });
  expect(response.status()).toBe(200);
  const article = await response.json();
  expect(Object.keys(article).sort()).toEqual(["slug", "sourceLang", "title", "versions"]);
  const german = article.versions.find((v: { lang: string }) => v.lang === "de");
  expect(Object.keys(german).sort()).toEqual(["id", "isSource", "label", "lang", "segments", "status"]);
  return german.segments.find((s: Segment) => s.originalText.startsWith(startsWith));
}

test("a token user creates an annotation and applies it", async ({ request }) => {
  const segment = await germanSegment(request, "Ende Juli dieses Jahres");
  const quote = "Aleksander Madry";
  const start = segment.originalText.indexOf(quote);
  const created = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start, end: start + quote.length, quote, category: "Accuracy/Mistranslation/Entity", severity: "minor", suggestion: "Aleksander Mądry" },
  });
  expect(created.status()).toBe(201);
  const { annotation, segment: afterCreate } = await created.json();
  expect(annotation).toMatchObject({ status: "open", quote, suggestion: "Aleksander Mądry" });
  expect(afterCreate.revision).toBe(segment.revision);

  const applied = await request.post(`/api/v1/annotations/${annotation.id}/apply`, { headers: bearer("reviewer") });
  expect(applied.status()).toBe(200);
  const body = await applied.json();
  expect(body.annotation.status).toBe("applied");
  expect(body.segment.text).toContain("Aleksander Mądry");
  expect(body.segment.revision).toBe(segment.revision + 1);

  const history = await (await request.get(`/api/v1/segments/${segment.id}/revisions`, { headers: bearer("reviewer") })).json();
  expect(history.revisions[0]).toMatchObject({ number: segment.revision + 1, cause: "apply", author: { email: testUser("reviewer").email } });
});

test("a stale baseRevision gets 409 with the current text", async ({ request }) => {
  const segment = await germanSegment(request, "Von Lake bis Schulman");
  const first = await request.put(`/api/v1/segments/${segment.id}/text`, {
    headers: bearer("editor"),
    data: { text: "Von Leike bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an.", baseRevision: segment.revision },
  });
  expect(first.status()).toBe(200);
  const stale = await request.put(`/api/v1/segments/${segment.id}/text`, {
    headers: bearer("reviewer"),
    data: { text: "Something else.", baseRevision: segment.revision },
  });
  expect(stale.status()).toBe(409);
  const error = (await stale.json()).error;
  expect(error.code).toBe("conflict");
  expect(error.details.current).toEqual({ text: "Von Leike bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an.", revision: segment.revision + 1 });
});

test("a request without a token gets 401", async ({ request }) => {
  const segment = await germanSegment(request, "Von Lake bis Schulman");
  const response = await request.post(`/api/v1/segments/${segment.id}/review-mark`);
  expect(response.status()).toBe(401);
  const forged = await request.get(`/api/v1/articles/${SLUG}`, { headers: { Authorization: "Bearer verso_not-a-real-token" } });
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.code).toBe("unauthenticated");
});

test("a reviewer's reject gets 403, an editor's reverts", async ({ request }) => {
  const segment = await germanSegment(request, "Perplexity, ein Suchunternehmen");
  const start = segment.originalText.indexOf("Geimini");
  const created = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start, end: start + 7, quote: "Geimini", category: "Fluency/Spelling", severity: "minor", suggestion: "Gemini", apply: true },
  });
  expect(created.status()).toBe(201);
  const { annotation, segment: applied } = await created.json();
  expect(applied.text).toContain("Googles Gemini");

  const forbidden = await request.post(`/api/v1/annotations/${annotation.id}/reject`, { headers: bearer("reviewer") });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe("forbidden");

  const rejected = await request.post(`/api/v1/annotations/${annotation.id}/reject`, { headers: bearer("editor") });
  expect(rejected.status()).toBe(200);
  expect((await rejected.json()).segment.text).toBe(segment.originalText);
});

test("a wrong quote gets 400 and nothing is written", async ({ request }) => {
  const segment = await germanSegment(request, "Anschließend kündigte Suzkwer");
  const start = segment.originalText.indexOf("Suzkwer");
  const response = await request.post(`/api/v1/segments/${segment.id}/annotations`, {
    headers: bearer("reviewer"),
    data: { start, end: start + 7, quote: "Sutskev", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever", apply: true },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ code: "invalid", details: { field: "quote", problem: "quote_mismatch" } });
  const after = await germanSegment(request, "Anschließend kündigte Suzkwer");
  expect(after).toMatchObject({ text: segment.text, revision: segment.revision });
  const detail = await (await request.get(`/api/v1/articles/${SLUG}`, { headers: bearer("reviewer") })).json();
  const german = detail.versions.find((v: { lang: string }) => v.lang === "de");
  expect(german.segments.find((s: Segment) => s.id === segment.id).annotations).toEqual([]);
});

test("bodies must be JSON of a bounded size", async ({ request }) => {
  const segment = await germanSegment(request, "Von Lake bis Schulman");
  const wrongType = await request.put(`/api/v1/segments/${segment.id}/text`, {
    headers: { ...bearer("reviewer"), "Content-Type": "text/plain" },
    data: "baseRevision=1",
  });
  expect(wrongType.status()).toBe(415);
  const broken = await request.put(`/api/v1/segments/${segment.id}/text`, {
    headers: { ...bearer("reviewer"), "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(broken.status()).toBe(400);
});
