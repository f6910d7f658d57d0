import { APIError } from "better-auth/api";
import { ROLES, type Role } from "../validation/roles";
import type { Actor } from "./actor";
import { apiKeyHash } from "./api-key-hash";
import { auth } from "./auth";
import { db } from "./db";
import { UnauthenticatedError } from "./errors";
import { asBoolean, asDate, sqlQuery } from "./sql";

interface UserFields {
  id: string;
  email: string;
  name: string;
  role?: string | null;
  deactivatedAt?: unknown;
}

function actorOf(user: UserFields | undefined | null): Actor | null {
  if (!user || user.deactivatedAt) return null;
  const role = (ROLES as readonly string[]).includes(user.role ?? "") ? (user.role as Role) : "reviewer";
  return { kind: "user", id: user.id, email: user.email, name: user.name, role };
}

/** The token of an `Authorization: Bearer …` header, as pipelines send it (DESIGN.md "REST API"). */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

interface KeyRow extends UserFields {
  keyId: string;
  enabled: unknown;
  expiresAt: unknown;
  remaining: number | null;
  lastRequest: unknown;
}

// "Last used" is shown to the minute; stamping it on every request would add a write to every read.
const LAST_USED_STEP_MS = 60_000;

/**
 * The user behind an API token, looked up by its hash in one query (the key
 * plugin's own verification takes several queries through the ORM, which
 * dominated the cost of an API write). Refused, as the plugin refuses: an
 * unknown, disabled (revoked), expired or used-up key, and a deactivated user.
 */
async function actorFromApiKey(token: string): Promise<Actor | null> {
  const hash = apiKeyHash(token);
  const [key] = await sqlQuery<KeyRow>(
    `SELECT k."id" AS "keyId", k."enabled", k."expiresAt", k."remaining", k."lastRequest",
            u."id", u."email", u."name", u."role", u."deactivatedAt"
       FROM "apikey" k JOIN "user" u ON u."id" = k."referenceId"
      WHERE k."key" = ?`,
    [hash],
  );
  if (!key) return null;
  if (key.enabled !== null && !asBoolean(key.enabled)) return null;
  const now = Date.now();
  if (key.expiresAt !== null && asDate(key.expiresAt).getTime() < now) return null;
  if (key.remaining === 0) return null;
  const actor = actorOf(key);
  if (actor && (key.lastRequest === null || now - asDate(key.lastRequest).getTime() >= LAST_USED_STEP_MS)) {
    await db.apikey.update({ where: { id: key.keyId }, data: { lastRequest: new Date(now) } });
  }
  return actor;
}

/** The signed-in user behind a request (API token or browser session), or null. */
export async function getActor(headers: Headers): Promise<Actor | null> {
  const token = bearerToken(headers);
  if (token) return actorFromApiKey(token);
  // A refused credential is no actor (401); a database failure is not a refusal and must not look like one.
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    if (error instanceof APIError && error.statusCode < 500) return null;
    throw error;
  });
  return actorOf(session?.user as UserFields | undefined);
}

export async function requireActor(headers: Headers): Promise<Actor> {
  const actor = await getActor(headers);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
