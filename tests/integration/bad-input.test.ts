// The bad-input corpus (tests/fixtures/bad/): every file is refused with a precise
// error through the API and the CLI, and the database is unchanged afterwards.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importMqmRoute } from "@/app/api/v1/import/mqm/route";
import { POST as importVersionRoute } from "@/app/api/v1/articles/[slug]/versions/route";
import { POST as annotateRoute } from "@/app/api/v1/segments/[id]/annotations/route";
import { PUT as editTextRoute } from "@/app/api/v1/segments/[id]/text/route";
import { SEED_ACTOR } from "@/lib/server/actor";
import { auth } from "@/lib/server/auth";
import { getArticleFindings } from "@/lib/server/checks";
import { db } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { createUser } from "@/lib/server/users";
import { bytes, dumpTables, uniqueSlug } from "./helpers";

const BAD = path.join(__dirname, "../fixtures/bad");
const fixture = (name: string) => fs.readFileSync(path.join(BAD, name));

/** A checksum of a logical dump: every table's rows, in a fixed order. */
async function databaseChecksum(): Promise<string> {
  return crypto.createHash("sha256").update(JSON.stringify(await dumpTables())).digest("hex");
}

/** Runs `verso …` as a pipeline would, on the integration tests' database, without blocking the event loop. */
function verso(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/verso.ts", ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs at most `limit` at once: the CLI runs are separate processes on two shared cores. */
async function inBatches<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]);
      }
    }),
  );
  return results;
}

let cookie: string;
let slug: string;
let segmentId: string;
let segmentText: string;
let bigFile: string;

async function call(handler: (request: Request, context: { params: Promise<never> }) => Promise<Response>, request: Request, params: object) {
  const response = await handler(request, { params: Promise.resolve(params as never) });
  const body = await response.json();
  return { status: response.status, body, message: String(body?.error?.message ?? "") };
}

function upload(url: string, type: string, body: Uint8Array | string) {
  const payload: BodyInit = typeof body === "string" ? body : new Blob([new Uint8Array(body)]);
  return new Request(`http://localhost:3000${url}`, { method: "POST", headers: { cookie, "content-type": type }, body: payload });
}

const importFile = (name: string, body: Uint8Array, type = "text/plain", query = "lang=en&source=1") =>
  call(importVersionRoute, upload(`/api/v1/articles/bad-input-refused/versions?${query}&file=${encodeURIComponent(name)}`, type, body), { slug: "bad-input-refused" });

const importMqmFile = (name: string, body: Uint8Array) =>
  call(importMqmRoute, upload(`/api/v1/import/mqm?fileName=${encodeURIComponent(name)}`, "text/tab-separated-values", body), {});

function json(method: "POST" | "PUT", url: string, body: string, type = "application/json") {
  return new Request(`http://localhost:3000${url}`, { method, headers: { cookie, "content-type": type }, body });
}

const annotate = (body: unknown, raw?: string, type?: string) =>
  call(annotateRoute, json("POST", `/api/v1/segments/${segmentId}/annotations`, raw ?? JSON.stringify(body), type), { id: segmentId });

beforeAll(async () => {
  // Everything the cases need is written before the first checksum.
  const password = crypto.randomBytes(18).toString("base64url");
  const email = `bad-input-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await createUser(SEED_ACTOR, { email, name: "Bad input editor", role: "editor", password });
  // A browser session, not an API key: the key plugin stamps lastRequest on every use, which would change the dump.
  const signedIn = await auth.api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  cookie = signedIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  expect(cookie).toMatch(/session_token=/);

  slug = uniqueSlug("bad-input");
  await importVersion(SEED_ACTOR, { slug, lang: "zh", fileName: "zh.txt", isSource: true, bytes: bytes("标题\n\n苏茨克维宣布 😀 离职。\n") });
  const de = await importVersion(SEED_ACTOR, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Titel\n\nSuzkwer gab 😀 bekannt.\n") });
  const segment = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } });
  segmentId = segment.id;
  segmentText = segment.originalText;

  // 20 MB of plausible text, made here so that the repository stays small.
  bigFile = path.join(process.env.VERSO_TEST_DIR!, "big-20mb.txt");
  const paragraph = Buffer.from("Suzkwer gab bekannt, dass er OpenAI verlässt. ".repeat(20) + "\n\n");
  fs.writeFileSync(bigFile, Buffer.concat(Array.from({ length: Math.ceil((20 * 1_048_576) / paragraph.length) }, () => paragraph)));
}, 60_000);

describe("bad files through the API", () => {
  it("are refused with the status and a message naming the problem, and change nothing", async () => {
    const before = await databaseChecksum();
    const cases: { name: string; run: () => ReturnType<typeof call>; status: number; message: RegExp }[] = [
      { name: "empty", run: () => importFile("empty.txt", fixture("empty.txt")), status: 400, message: /^empty\.txt: the file is empty$/ },
      { name: "binary", run: () => importFile("binary.txt", fixture("binary.txt")), status: 400, message: /^binary\.txt: binary data, not text \(NUL byte at offset 8\); save the file as UTF-8$/ },
      { name: "invalid UTF-8", run: () => importFile("invalid-utf8.txt", fixture("invalid-utf8.txt")), status: 400, message: /^invalid-utf8\.txt: not valid UTF-8 \(first bad byte at offset 2\)/ },
      {
        name: "UTF-16 without BOM",
        run: () => importFile("utf16le-no-bom.txt", fixture("utf16le-no-bom.txt")),
        status: 400,
        message: /^utf16le-no-bom\.txt: looks like UTF-16LE without a byte-order mark \(NUL byte at offset 1\), not UTF-8/,
      },
      { name: "20 MB", run: () => importFile("big-20mb.txt", fs.readFileSync(bigFile)), status: 413, message: /larger than the limit of 10 MB/ },
      {
        name: "XLIFF external entity",
        run: () => importFile("xliff-external-entity.xlf", fixture("xliff-external-entity.xlf"), "application/xliff+xml", "lang=de"),
        status: 400,
        message: /^xliff-external-entity\.xlf: DOCTYPE declarations are not allowed \(line 2, column 1\)/,
      },
      {
        name: "XLIFF billion laughs",
        run: () => importFile("xliff-billion-laughs.xlf", fixture("xliff-billion-laughs.xlf"), "application/xliff+xml", "lang=de"),
        status: 400,
        message: /^xliff-billion-laughs\.xlf: DOCTYPE declarations are not allowed \(line 2, column 1\)/,
      },
      {
        name: "XLIFF truncated mid-element",
        run: () => importFile("xliff-truncated.xlf", fixture("xliff-truncated.xlf"), "application/xliff+xml", "lang=de"),
        status: 400,
        message: /^xliff-truncated\.xlf: not well-formed XML: unclosed tag: target \(line 13, column \d+\)/,
      },
      { name: "MQM empty", run: () => importMqmFile("empty.tsv", fixture("empty.txt")), status: 400, message: /^empty\.tsv: the file is empty$/ },
      { name: "MQM binary", run: () => importMqmFile("binary.tsv", fixture("binary.txt")), status: 400, message: /^binary\.tsv: binary data, not text \(NUL byte at offset 8\)/ },
      { name: "MQM UTF-16", run: () => importMqmFile("utf16.tsv", fixture("utf16le-no-bom.txt")), status: 400, message: /^utf16\.tsv: looks like UTF-16LE without a byte-order mark/ },
      { name: "MQM 20 MB", run: () => importMqmFile("big.tsv", fs.readFileSync(bigFile)), status: 413, message: /larger than the limit of 10 MB/ },
      {
        name: "MQM missing columns",
        run: () => importMqmFile("mqm-missing-columns.tsv", fixture("mqm-missing-columns.tsv")),
        status: 400,
        message: /^mqm-missing-columns\.tsv: line 3: columns: expected 9 tab-separated fields, found 8$/,
      },
      {
        name: "MQM bad severity",
        run: () => importMqmFile("mqm-bad-severity.tsv", fixture("mqm-bad-severity.tsv")),
        status: 400,
        message: /^mqm-bad-severity\.tsv: line 3: severity: unknown severity "Catastrophic"/,
      },
      {
        name: "MQM unbalanced <v>",
        run: () => importMqmFile("mqm-unbalanced-markers.tsv", fixture("mqm-unbalanced-markers.tsv")),
        status: 400,
        message: /^mqm-unbalanced-markers\.tsv: line 3: target: unbalanced or repeated <v>…<\/v> markers$/,
      },
    ];
    for (const { name, run, status, message } of cases) {
      const answer = await run();
      expect({ name, status: answer.status, code: answer.body.error?.code }).toEqual({ name, status, code: status === 413 ? "too_large" : "invalid" });
      expect(answer.message, name).toMatch(message);
    }
    expect(await databaseChecksum()).toBe(before);
  }, 60_000);

  it("refuses JSON bodies of the wrong shape, too large or with huge strings, naming the field", async () => {
    const before = await databaseChecksum();
    const valid = { start: 0, end: 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major" };
    const cases: { name: string; run: () => ReturnType<typeof call>; status: number; message: RegExp }[] = [
      { name: "not JSON", run: () => annotate(null, "{start: 0"), status: 400, message: /^the body is not valid JSON$/ },
      { name: "wrong content type", run: () => annotate(null, JSON.stringify(valid), "text/plain"), status: 415, message: /^unsupported Content-Type text\/plain; send application\/json$/ },
      { name: "an array", run: () => annotate([valid]), status: 400, message: /expected object, received array/ },
      { name: "a string offset", run: () => annotate({ ...valid, start: "0" }), status: 400, message: /^start: .*expected number, received string/ },
      { name: "no quote", run: () => annotate({ ...valid, quote: undefined }), status: 400, message: /^quote: / },
      { name: "unknown severity", run: () => annotate({ ...valid, severity: "critical" }), status: 400, message: /^severity: / },
      { name: "unknown category", run: () => annotate({ ...valid, category: "Accuracy/Nonsense" }), status: 400, message: /^category: not an MQM category/ },
      { name: "a huge quote", run: () => annotate({ ...valid, quote: "x".repeat(200_000) }), status: 400, message: /^quote: Too big/ },
      { name: "a huge note", run: () => annotate({ ...valid, note: "n".repeat(6000) }), status: 400, message: /^note: Too big/ },
      { name: "a body over the limit", run: () => annotate({ ...valid, note: "n".repeat(11 * 1_048_576) }), status: 413, message: /larger than the limit of 10 MB/ },
      {
        name: "a huge segment text",
        run: () => call(editTextRoute, json("PUT", `/api/v1/segments/${segmentId}/text`, JSON.stringify({ text: "t".repeat(100_001), baseRevision: 1 })), { id: segmentId }),
        status: 400,
        message: /^text: Too big/,
      },
      {
        name: "a text edit without a base revision",
        run: () => call(editTextRoute, json("PUT", `/api/v1/segments/${segmentId}/text`, JSON.stringify({ text: "Sutskever gab bekannt." })), { id: segmentId }),
        status: 400,
        message: /^baseRevision: /,
      },
    ];
    for (const { name, run, status, message } of cases) {
      const answer = await run();
      expect({ name, status: answer.status }).toEqual({ name, status });
      expect(answer.message, name).toMatch(message);
    }
    expect(await databaseChecksum()).toBe(before);
  });

  it("refuses annotation offsets past the end, negative, or splitting a surrogate pair", async () => {
    const before = await databaseChecksum();
    const emoji = segmentText.indexOf("😀");
    expect(emoji).toBeGreaterThan(0);
    const base = { category: "Accuracy/Mistranslation/Entity", severity: "minor" };
    const cases: { name: string; body: object; message: RegExp }[] = [
      { name: "past the end", body: { ...base, start: segmentText.length - 3, end: segmentText.length + 2, quote: `${segmentText.slice(-3)}xx` }, message: /^quote: the span is outside the segment/ },
      { name: "starting past the end", body: { ...base, start: segmentText.length + 1, end: segmentText.length + 3, quote: "xx" }, message: /^quote: the span is outside the segment/ },
      { name: "negative start", body: { ...base, start: -1, end: 3, quote: "Suz" }, message: /^start: Too small/ },
      { name: "negative end", body: { ...base, start: 0, end: -2, quote: "Su" }, message: /^end: Too small/ },
      { name: "fractional", body: { ...base, start: 0.5, end: 3, quote: "Suz" }, message: /^start: .*expected int/ },
      { name: "end before start", body: { ...base, start: 5, end: 2, quote: "zkw" }, message: /^quote: / },
      { name: "splits the surrogate pair at the start", body: { ...base, start: emoji + 1, end: emoji + 3, quote: segmentText.slice(emoji + 1, emoji + 3) }, message: /^quote: the span cuts a character in half/ },
      { name: "splits the surrogate pair at the end", body: { ...base, start: emoji - 1, end: emoji + 1, quote: segmentText.slice(emoji - 1, emoji + 1) }, message: /^quote: the span cuts a character in half/ },
    ];
    for (const { name, body, message } of cases) {
      const answer = await annotate(body);
      expect({ name, status: answer.status }).toEqual({ name, status: 400 });
      expect(answer.message, name).toMatch(message);
    }
    expect(await databaseChecksum()).toBe(before);
    // The whole emoji is a valid span: the refusals above are about the offsets, not the character.
    const whole = await annotate({ ...base, start: emoji, end: emoji + 2, quote: "😀", severity: "neutral", category: "Fluency/Spelling" });
    expect(whole.status).toBe(201);
  });
});

describe("bad files through the CLI", () => {
  it("exit 1 with the same precise message, and change nothing", async () => {
    const before = await databaseChecksum();
    const file = (name: string) => path.join(BAD, name);
    const cases: { args: string[]; message: RegExp }[] = [
      { args: ["import", file("empty.txt"), "--article", "bad-cli", "--lang", "en", "--source"], message: /^verso: empty\.txt: the file is empty$/m },
      { args: ["import", file("binary.txt"), "--article", "bad-cli", "--lang", "en", "--source"], message: /^verso: binary\.txt: binary data, not text \(NUL byte at offset 8\)/m },
      { args: ["import", file("invalid-utf8.txt"), "--article", "bad-cli", "--lang", "de", "--source"], message: /^verso: invalid-utf8\.txt: not valid UTF-8 \(first bad byte at offset 2\)/m },
      { args: ["import", file("utf16le-no-bom.txt"), "--article", "bad-cli", "--lang", "de", "--source", "--title", "T"], message: /^verso: utf16le-no-bom\.txt: looks like UTF-16LE without a byte-order mark/m },
      { args: ["import", bigFile, "--article", "bad-cli", "--lang", "de", "--source"], message: /^verso: big-20mb\.txt: the file is 20\.0 MB, larger than the limit of 10 MB \(VERSO_MAX_UPLOAD_MB\)$/m },
      { args: ["import", file("xliff-external-entity.xlf"), "--article", "bad-cli", "--lang", "de"], message: /^verso: xliff-external-entity\.xlf: DOCTYPE declarations are not allowed \(line 2, column 1\)/m },
      { args: ["import", file("xliff-billion-laughs.xlf"), "--article", "bad-cli", "--lang", "de"], message: /^verso: xliff-billion-laughs\.xlf: DOCTYPE declarations are not allowed \(line 2, column 1\)/m },
      { args: ["import", file("xliff-truncated.xlf"), "--article", "bad-cli", "--lang", "de"], message: /^verso: xliff-truncated\.xlf: not well-formed XML: unclosed tag: target \(line 13, column \d+\)/m },
      { args: ["import-mqm", file("empty.txt")], message: /^verso: empty\.txt: the file is empty$/m },
      { args: ["import-mqm", file("binary.txt")], message: /^verso: binary\.txt: binary data, not text \(NUL byte at offset 8\)/m },
      { args: ["import-mqm", file("utf16le-no-bom.txt")], message: /^verso: utf16le-no-bom\.txt: looks like UTF-16LE without a byte-order mark/m },
      { args: ["import-mqm", bigFile], message: /^verso: big-20mb\.txt: the file is 20\.0 MB, larger than the limit of 10 MB/m },
      { args: ["import-mqm", file("mqm-missing-columns.tsv")], message: /^verso: mqm-missing-columns\.tsv: line 3: columns: expected 9 tab-separated fields, found 8$/m },
      { args: ["import-mqm", file("mqm-bad-severity.tsv")], message: /^verso: mqm-bad-severity\.tsv: line 3: severity: unknown severity "Catastrophic"/m },
      { args: ["import-mqm", file("mqm-unbalanced-markers.tsv")], message: /^verso: mqm-unbalanced-markers\.tsv: line 3: target: unbalanced or repeated <v>…<\/v> markers$/m },
    ];
    const results = await inBatches(cases, 3, ({ args }) => verso(args));
    cases.forEach(({ args, message }, i) => {
      const name = `verso ${args[0]} ${path.basename(args[1])}`;
      expect({ name, status: results[i].status }).toEqual({ name, status: 1 });
      expect(results[i].stderr, name).toMatch(message);
    });
    expect(await databaseChecksum()).toBe(before);
  }, 180_000);
});

describe("hostile text that is accepted", () => {
  const HOSTILE = /<|alert\(|document\.cookie|fetch\(|onerror|javascript:|evil\.example|background:/;

  it("HTML with scripts is imported as text, through the API and the CLI, and keeps no script or markup", async () => {
    const viaApi = await importFile("html-with-scripts.html", fixture("html-with-scripts.html"), "text/html", "lang=de&source=1");
    expect(viaApi.status).toBe(201);
    const cliSlug = uniqueSlug("bad-html");
    const viaCli = await verso(["import", path.join(BAD, "html-with-scripts.html"), "--article", cliSlug, "--lang", "de", "--source"]);
    expect(viaCli.status, viaCli.stderr).toBe(0);
    for (const imported of ["bad-input-refused", cliSlug]) {
      const segments = await db.segment.findMany({ where: { article: { slug: imported } }, orderBy: { position: "asc" }, select: { originalText: true, text: true } });
      const texts = segments.map((s) => s.originalText);
      expect(texts).toContain("Sutskever ging im Mai.");
      expect(texts).toContain("Leike folgte kurz danach.");
      for (const segment of segments) {
        expect(segment.originalText).not.toMatch(HOSTILE);
        expect(segment.text).not.toMatch(HOSTILE);
      }
    }
  }, 60_000);

  it("zero-width and bidi-override characters are kept as imported, and the checks flag each as an error", async () => {
    const invisibleSlug = uniqueSlug("bad-invisible");
    await importVersion(SEED_ACTOR, { slug: invisibleSlug, lang: "en", fileName: "en.txt", isSource: true, bytes: bytes("Title\n\nOpenAI hires Sutskever.\n\nThe price is $100 high.\n") });
    const answer = await call(
      importVersionRoute,
      upload(`/api/v1/articles/${invisibleSlug}/versions?lang=de&file=invisible-characters.txt`, "text/plain", fixture("invisible-characters.txt")),
      { slug: invisibleSlug },
    );
    expect(answer.status).toBe(201);
    const segments = await db.segment.findMany({ where: { version: { article: { slug: invisibleSlug }, lang: "de" } }, orderBy: { position: "asc" }, select: { position: true, originalText: true } });
    expect(segments.map((s) => s.originalText)).toEqual(["Titel", "Open\u200bAI stellt Sutskever ein.", "Der Preis ist \u202e001$\u202c hoch."]);

    const findings = await getArticleFindings(SEED_ACTOR, invisibleSlug);
    const invisible = findings.filter((f) => f.checkId === "lookalikes" && /Invisible/.test(f.message));
    expect([...new Set(invisible.map((f) => f.position))]).toEqual([2, 3]);
    expect(invisible.every((f) => f.level === "error")).toBe(true);
    expect(invisible.find((f) => f.position === 2)?.message).toMatch(/zero-width/);
    expect(invisible.find((f) => f.position === 3)?.message).toMatch(/bidi control/);
  });
});
