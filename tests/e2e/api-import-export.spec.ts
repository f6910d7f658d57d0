import { expect, test } from "@playwright/test";
import { testUser, type TestRole } from "./fixtures";

const bearer = (role: TestRole) => ({ Authorization: `Bearer ${testUser(role).token}` });
const SOURCE = "e2e-missing";

test("a pipeline exports XLIFF 2.0 through the API, imports it into a new article, and exports the identical file", async ({ request }) => {
  const first = await request.get(`/api/v1/articles/${SOURCE}/export?lang=ar&format=xliff`, { headers: bearer("reviewer") });
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toMatch(/^application\/xliff\+xml/);
  expect(first.headers()["content-disposition"]).toContain(`${SOURCE}.ar.xlf`);
  const body = await first.text();
  expect(body).toContain('trgDir="rtl"');

  const created = await request.post(`/api/v1/articles/e2e-xliff-copy/versions?lang=ar&label=short%20MT&file=ar.xlf`, {
    headers: { ...bearer("editor"), "Content-Type": "application/xliff+xml" },
    data: body,
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ articleCreated: true, segmentCount: 2 });

  const again = await request.get(`/api/v1/articles/e2e-xliff-copy/export?lang=ar&format=xliff`, { headers: bearer("reviewer") });
  expect((await again.text()).replaceAll("e2e-xliff-copy", SOURCE)).toBe(body);
});

test("imports are refused precisely: 413 over the limit, 415 for unknown types and formats, 400 for an entity attack, 403 for a reviewer", async ({ request }) => {
  const url = `/api/v1/articles/e2e-refused/versions?lang=en&source=1&file=big.txt`;
  const big = await request.post(url, { headers: { ...bearer("editor"), "Content-Type": "text/plain" }, data: "x".repeat(11 * 1_048_576) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.message).toMatch(/limit of 10 MB/);

  const pdf = await request.post(url, { headers: { ...bearer("editor"), "Content-Type": "application/pdf" }, data: "%PDF-1.4" });
  expect(pdf.status()).toBe(415);

  const format = await request.get(`/api/v1/articles/${SOURCE}/export?lang=ar&format=docx`, { headers: bearer("reviewer") });
  expect(format.status()).toBe(415);
  expect((await format.json()).error.message).toMatch(/unknown export format "docx"/);

  const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n<xliff version="1.2"><file source-language="en" target-language="de" datatype="plaintext" original="x"><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>`;
  const attack = await request.post(`/api/v1/articles/e2e-refused/versions?lang=en&source=1&file=lol.xlf`, {
    headers: { ...bearer("editor"), "Content-Type": "application/xliff+xml" },
    data: laughs,
  });
  expect(attack.status()).toBe(400);
  expect((await attack.json()).error.message).toMatch(/lol\.xlf.*DOCTYPE declarations are not allowed \(line 2, column 1\)/);

  const reviewer = await request.post(url, { headers: { ...bearer("reviewer"), "Content-Type": "text/plain" }, data: "Title\n\nText." });
  expect(reviewer.status()).toBe(403);

  // Nothing was written by any of them.
  expect((await request.get(`/api/v1/articles/e2e-refused`, { headers: bearer("reviewer") })).status()).toBe(404);
});
