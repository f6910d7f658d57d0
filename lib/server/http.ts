import { ZodError } from "zod";
import { DomainError, type ErrorCode } from "./errors";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  too_large: 413,
  unsupported_format: 415,
  rate_limited: 429,
  busy: 503,
};

// Below this size an answer goes out as it is: gzip would cost the server more than the bytes it saves.
// A write's answer (the annotation and its segment's texts, 1–3 KB) is below it: compressing it took
// about 4% of the server's time under the write benchmark, to save a kilobyte a request.
const COMPRESS_FROM_BYTES = 8 * 1024;

/** A JSON answer of the API before it becomes a Response: what apiRoute computes, and the API router sends as it is. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Where an apiRoute handler (lib/server/api.ts) keeps the function that
 * computes its JsonAnswer: the API router (lib/server/api-router.ts) calls it
 * and writes the JSON itself, without building a Web Response only to read it
 * back. Symbol.for, so that every copy of these modules agrees on it.
 */
export const JSON_ANSWER = Symbol.for("verso.apiRoute.jsonAnswer");

/**
 * The headers of a JSON answer of the API, never cached (it is per-user and
 * changes with every write). The server compresses every streamed body
 * whatever its size, and drops a Content-Length set here, so a small answer
 * says no-transform.
 */
export function jsonHeaders(text: string, extra: Record<string, string> = {}): Record<string, string> {
  const small = Buffer.byteLength(text, "utf8") < COMPRESS_FROM_BYTES;
  return { "Content-Type": "application/json", "Cache-Control": small ? "no-store, no-transform" : "no-store", ...extra };
}

/** A JSON answer of the API as a Response. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body) ?? "null";
  return new Response(text, { status: init.status ?? 200, headers: jsonHeaders(text, init.headers) });
}

/** The one place where domain errors become HTTP answers: `{error: {code, message, details?}}`. */
export function errorAnswer(error: unknown): JsonAnswer {
  if (error instanceof DomainError) {
    return { status: STATUS[error.code], body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } } };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: { error: { code: "invalid", message: "invalid request", details: { issues: error.issues } } } };
  }
  if (isDatabaseBusy(error)) {
    return {
      status: 503,
      body: { error: { code: "busy", message: "the database is busy: another process holds its write lock; retry in a moment" } },
      headers: { "Retry-After": "1" },
    };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "internal", message: "internal error" } } };
}

/** errorAnswer as a Response. */
export function errorResponse(error: unknown): Response {
  const answer = errorAnswer(error);
  return jsonResponse(answer.body, answer);
}

/**
 * PostgreSQL's SQLSTATEs for "try again": serialization failure, deadlock, lock timeout, too many
 * connections (more app servers than max_connections allows); Prisma reports the first two as
 * P2034, and a transaction that found no free pooled connection in time (or outran its timeout and
 * was rolled back) as P2028.
 */
const POSTGRESQL_RETRYABLE = new Set(["40001", "40P01", "55P03", "53300", "P2034", "P2028"]);

/**
 * A database that cannot take the request now but will soon: SQLite's SQLITE_BUSY after the busy
 * timeout, as better-sqlite3 or Prisma's adapter (P1008 SocketTimeout) report it, or PostgreSQL's
 * retryable conflicts.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (String(e.code).startsWith("SQLITE_BUSY") || e.code === "P1008" || /database is locked/.test(String(e.message))) return true;
    if (POSTGRESQL_RETRYABLE.has(String(e.code))) return true;
  }
  return false;
}

/** A file to download: its media type, an attachment name, and no caching. */
export function fileResponse(file: { body: string; mediaType: string; fileName: string }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${encodeURIComponent(file.fileName)}"`,
      "Cache-Control": "no-store",
    },
  });
}
