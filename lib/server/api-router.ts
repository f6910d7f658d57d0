import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { JSON_ANSWER, jsonHeaders, type JsonAnswer } from "./http";

/**
 * The JSON API (/api/v1 and /api/health) served straight from its route
 * modules, in front of Next.js (scripts/server.ts). The route files under
 * app/api stay the one definition of every endpoint, and `next dev` still
 * serves them as they are; in production this router finds them by the same
 * file-system rules and calls their handlers with a Web Request, as Next.js
 * does, without Next's per-request work (routing, render context, web-stream
 * plumbing), which cost more than the writes themselves (bench/README.md).
 * Pages, server actions and the auth library's routes go to Next.js.
 */

type Params = Record<string, string | string[]>;
export type RouteHandler = (request: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export interface ApiRoute {
  /** The route file, relative to app/ ("api/v1/segments/[id]/annotations/route.ts"). */
  file: string;
  segments: string[];
  handlers: Partial<Record<(typeof METHODS)[number], RouteHandler>>;
}

/**
 * The URL a request addressed, from its Host header; a Host that is not a
 * host (a client can send anything) falls back to localhost rather than
 * throwing in the server's request handler.
 */
export function requestUrl(request: Pick<http.IncomingMessage, "url" | "headers">, port: number): URL {
  const target = request.url ?? "/";
  try {
    return new URL(target, `http://${request.headers.host ?? `localhost:${port}`}`);
  } catch {
    return new URL(target.startsWith("/") ? target : "/", `http://localhost:${port}`);
  }
}

/** Whether the router, not Next.js, answers this path. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api/health" || pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

/** The route files under app/api that the router serves (the auth library's routes stay with Next.js). */
export function findRouteFiles(appDir: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(appDir, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name === "route.ts" && isApiPath(`/${path.posix.dirname(child)}`)) found.push(child);
    }
  };
  visit("api");
  return found.sort();
}

/** A route file's path as URL segments: "api/v1/segments/[id]/route.ts" → ["api", "v1", "segments", "[id]"]. */
export function routeSegments(file: string): string[] {
  return path.posix.dirname(file).split("/").filter((segment) => !/^\(.*\)$/.test(segment));
}

/** Static segments first, then single parameters, a catch-all last: the order Next.js matches in. */
function rank(segments: string[]): number[] {
  return segments.map((segment) => (segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0));
}

export function sortRoutes<T extends { segments: string[] }>(routes: T[]): T[] {
  return [...routes].sort((a, b) => {
    const ra = rank(a.segments);
    const rb = rank(b.segments);
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return rb.length - ra.length;
  });
}

/** The parameters of a path on a route's segments, or null when it does not match. */
export function matchSegments(segments: string[], parts: string[]): Params | null {
  const params: Params = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[segment.slice(4, -1)] = parts.slice(i);
      return params;
    }
    if (i >= parts.length) return null;
    if (segment.startsWith("[")) params[segment.slice(1, -1)] = parts[i];
    else if (segment !== parts[i]) return null;
  }
  return parts.length === segments.length ? params : null;
}

/** The path's segments, percent-decoded as Next.js hands them over; null for a malformed escape. */
function pathParts(pathname: string): string[] | null {
  try {
    return pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Imports every route module once, at start-up, so that the first request does not wait for it. */
export async function loadRoutes(appDir: string, load: (file: string) => Promise<Record<string, unknown>>): Promise<ApiRoute[]> {
  const routes = await Promise.all(
    findRouteFiles(appDir).map(async (file) => {
      const exported = await load(path.join(appDir, file));
      const handlers: ApiRoute["handlers"] = {};
      for (const method of METHODS) if (typeof exported[method] === "function") handlers[method] = exported[method] as RouteHandler;
      return { file, segments: routeSegments(file), handlers };
    }),
  );
  return sortRoutes(routes);
}

// A body up to this size is read before the handler runs (cheaper than a stream); a larger one streams.
const BUFFERED_BODY_BYTES = 64 * 1024;

/**
 * A Request whose body was read already: text() and arrayBuffer() answer from
 * the bytes, without the Web stream a Request body otherwise is (building and
 * draining it cost more than parsing the JSON).
 */
class BufferedRequest extends Request {
  readonly #bytes: Buffer;
  #used = false;

  constructor(url: URL, init: { method: string; headers: Headers }, bytes: Buffer) {
    super(url, init);
    this.#bytes = bytes;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async text(): Promise<string> {
    return this.#take().toString("utf8");
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

async function webRequest(request: http.IncomingMessage, url: URL): Promise<Request> {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const length = Number(request.headers["content-length"]);
  if (request.headers["content-length"] !== undefined && length <= BUFFERED_BODY_BYTES) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return new BufferedRequest(url, { method, headers }, Buffer.concat(chunks));
  }
  return new Request(url, { method, headers, body: Readable.toWeb(request) as ReadableStream, duplex: "half" } as RequestInit);
}

const gzip = promisify(zlib.gzip);
// As Next.js compresses its answers; below this size gzip costs the server more than it saves.
const COMPRESS_FROM_BYTES = 8 * 1024;

function compressible(headers: Record<string, string | string[]>, accepted: string | undefined, size: number): boolean {
  if (size < COMPRESS_FROM_BYTES || !accepted || !/\bgzip\b/i.test(accepted)) return false;
  if (headers["content-encoding"] || /no-transform/i.test(String(headers["cache-control"] ?? ""))) return false;
  return /json|text|xml|javascript|csv|tab-separated/i.test(String(headers["content-type"] ?? ""));
}

/** Sends a body with its headers (names in lower case), gzipped when it is large and the client accepts it. */
async function send(request: http.IncomingMessage, response: http.ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer): Promise<void> {
  if (compressible(headers, request.headers["accept-encoding"], body.length)) {
    body = await gzip(body);
    headers["content-encoding"] = "gzip";
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  headers["content-length"] = String(body.length);
  response.writeHead(status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

async function sendWebResponse(request: http.IncomingMessage, response: http.ServerResponse, answer: Response): Promise<void> {
  const body: Buffer = answer.body ? Buffer.from(await answer.arrayBuffer()) : Buffer.alloc(0);
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  await send(request, response, answer.status, headers, body);
}

/** An apiRoute handler's answer, written as the JSON it is (the same bytes and headers as its Response). */
async function sendJsonAnswer(request: http.IncomingMessage, response: http.ServerResponse, answer: JsonAnswer): Promise<void> {
  const text = JSON.stringify(answer.body) ?? "null";
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(jsonHeaders(text, answer.headers))) headers[name.toLowerCase()] = value;
  await send(request, response, answer.status, headers, Buffer.from(text, "utf8"));
}

function plain(response: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/**
 * Answers an API request from `routes`. A method the route does not export is
 * 405 with Allow, HEAD runs GET without the body, OPTIONS lists the methods.
 * A handler that throws (apiRoute maps every expected error itself) is a 500.
 */
export async function serveApi(routes: ApiRoute[], request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> {
  const parts = pathParts(url.pathname);
  let matched: { route: ApiRoute; params: Params } | null = null;
  for (const route of parts ? routes : []) {
    const params = matchSegments(route.segments, parts!);
    if (params) {
      matched = { route, params };
      break;
    }
  }
  if (!matched) {
    plain(response, 404, {}, { error: { code: "not_found", message: `no API endpoint ${request.method} ${url.pathname}` } });
    return;
  }
  const { route, params } = matched;
  const method = (request.method ?? "GET").toUpperCase() as (typeof METHODS)[number];
  const allowed = METHODS.filter((m) => route.handlers[m] || (m === "HEAD" && route.handlers.GET) || m === "OPTIONS");
  const handler = route.handlers[method] ?? (method === "HEAD" ? route.handlers.GET : undefined);
  if (!handler) {
    if (method === "OPTIONS") {
      response.writeHead(204, { allow: allowed.join(", ") }).end();
      return;
    }
    plain(response, 405, { allow: allowed.join(", ") }, { error: { code: "method_not_allowed", message: `${method} is not allowed on ${url.pathname}` } });
    return;
  }
  try {
    const incoming = await webRequest(request, url);
    const context = { params: Promise.resolve(params) };
    const jsonAnswer = (handler as { [JSON_ANSWER]?: (request: Request, context: { params: Promise<Params> }) => Promise<JsonAnswer> })[JSON_ANSWER];
    if (jsonAnswer) await sendJsonAnswer(request, response, await jsonAnswer(incoming, context));
    else await sendWebResponse(request, response, await handler(incoming, context));
  } catch (error) {
    console.error(error);
    if (response.headersSent) response.destroy();
    else plain(response, 500, {}, { error: { code: "internal", message: "internal error" } });
  }
}
