import { ForbiddenError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The server's own address: BETTER_AUTH_URL, else localhost on PORT. */
export function baseUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Origins whose pages may send state-changing requests: ours, its loopback aliases and VERSO_TRUSTED_ORIGINS. */
export function trustedOrigins(): string[] {
  const port = new URL(baseUrl()).port || "3000";
  const extra = (process.env.VERSO_TRUSTED_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter(Boolean);
  return [new URL(baseUrl()).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

/**
 * Refuses a state-changing request that a browser sent from another site
 * (cross-site request forgery with the session cookie). Browsers send Origin
 * on every POST, PUT, PATCH and DELETE; pipelines send none and pass.
 */
export function assertSameOrigin(request: Pick<Request, "method" | "headers">): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (request.headers.get("sec-fetch-site") === "cross-site") throw foreign("a cross-site page (Sec-Fetch-Site: cross-site)");
    return;
  }
  if (trustedOrigins().includes(origin)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw foreign(`Origin ${JSON.stringify(origin)}`);
  }
  // The host the client addressed (behind a proxy, the one it forwards) is our own origin too.
  const addressed = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (addressed && host === addressed) return;
  throw foreign(`Origin ${origin}`);
}

function foreign(what: string): ForbiddenError {
  return new ForbiddenError(`cross-origin request refused: ${what} is not this server; add it to VERSO_TRUSTED_ORIGINS if it should be`, {
    reason: "foreignOrigin",
  });
}
