import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiPath, loadRoutes, serveApi, type ApiRoute } from "@/lib/server/api-router";
import { db } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { createApiToken } from "@/lib/server/tokens";
import { bytes, makeActor, uniqueSlug } from "./helpers";

// The production server's API half (scripts/server.ts without Next.js): the app's real route
// modules, a real HTTP server and the test database.
let server: http.Server;
let base = "";
let token = "";
let slug = "";

beforeAll(async () => {
  const routes: ApiRoute[] = await loadRoutes(path.join(import.meta.dirname, "..", "..", "app"), (file) => import(file));
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
    if (isApiPath(url.pathname)) void serveApi(routes, request, response, url);
    else response.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = await makeActor("admin");
  const editor = await makeActor("editor");
  if (editor.kind !== "user") throw new Error("makeActor makes users");
  token = (await createApiToken(admin, editor.email, "router")).token;
  slug = uniqueSlug("router");
  const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the router test, long enough to make a rows answer worth compressing.`);
  await importVersion(editor, { slug, lang: "en", fileName: "en.txt", isSource: true, bytes: bytes(paragraphs.join("\n\n")) });
  await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(paragraphs.map((p) => `Absatz: ${p}`).join("\n\n")) });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request, so that compression and HEAD bodies are seen as the client receives them. */
function raw(method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(`${base}${pathname}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("the API served by the router", () => {
  it("answers the health check and an unknown endpoint with JSON", async () => {
    const health = await raw("GET", "/api/health");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toEqual({ status: "ok", database: "ok" });
    const unknown = await raw("GET", "/api/v1/no/such/endpoint", { authorization: `Bearer ${token}` });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString()).error.code).toBe("not_found");
  });

  it("refuses a caller without credentials, and a state-changing request from a foreign origin", async () => {
    expect((await raw("GET", `/api/v1/articles/${slug}`)).status).toBe(401);
    const foreign = await raw("POST", "/api/v1/glossary", { authorization: `Bearer ${token}`, origin: "https://evil.example", "content-type": "application/json" }, "{}");
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body.toString()).error.code).toBe("forbidden");
  });

  it("runs a write end to end: the annotation is stored and its suggestion applied", async () => {
    const segment = await db.segment.findFirstOrThrow({ where: { article: { slug }, version: { lang: "de" }, position: 1 } });
    const start = segment.originalText.indexOf("Absatz");
    const created = await raw(
      "POST",
      `/api/v1/segments/${segment.id}/annotations`,
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      JSON.stringify({ start, end: start + 6, quote: "Absatz", category: "Accuracy/Mistranslation", severity: "major", suggestion: "Abschnitt", apply: true }),
    );
    expect(created.status).toBe(201);
    const { annotation } = JSON.parse(created.body.toString());
    expect(annotation.status).toBe("applied");
    const stored = await db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(stored.text.startsWith("Abschnitt:")).toBe(true);
    expect(stored.revision).toBe(segment.revision + 1);
    expect(await db.auditEvent.count({ where: { entityId: annotation.id, action: { in: ["annotation.create", "annotation.apply"] } } })).toBe(2);
  });

  it("compresses a large answer for a client that accepts gzip, and not a small one", async () => {
    const headers = { authorization: `Bearer ${token}`, "accept-encoding": "gzip" };
    const detail = await raw("GET", `/api/v1/articles/${slug}`, headers);
    expect(detail.status).toBe(200);
    expect(detail.headers["content-encoding"]).toBe("gzip");
    const unzipped = JSON.parse(zlib.gunzipSync(detail.body).toString());
    const plain = await raw("GET", `/api/v1/articles/${slug}`, { authorization: `Bearer ${token}` });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(unzipped);
    expect(JSON.stringify(unzipped)).toContain("Paragraph 120 of the router test");
    const small = await raw("GET", "/api/health", { "accept-encoding": "gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD without a body, OPTIONS with the allowed methods, and an unexported method with 405", async () => {
    const head = await raw("HEAD", "/api/health");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const options = await raw("OPTIONS", "/api/health");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    const wrong = await raw("DELETE", "/api/health");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, HEAD, OPTIONS");
  });
});
