import { apiKeyRefSchema, createApiKeySchema, type ApiKeyRefInput } from "../validation/admin";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { auth } from "./auth";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { validate } from "./validate";

// The plugin keeps only the first 6 characters, which is just the "verso_" prefix;
// keep enough of the random part to tell keys apart (still useless for guessing).
const START_LENGTH = 12;

export interface CreatedApiToken {
  /** The secret: returned once, stored only as a hash. */
  token: string;
  id: string;
  start: string;
}

/**
 * Creates an API token for a user; it acts with that user's role. The token is
 * returned once and stored only as a hash.
 */
export async function createApiToken(actor: Actor | null, email: string, name = "pipeline"): Promise<CreatedApiToken> {
  authorize(actor, "token.create");
  const input = validate(createApiKeySchema, { email, name });
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, deactivatedAt: true } });
  if (!user) throw new NotFoundError(`no user with email ${input.email}`, { field: "email" });
  if (user.deactivatedAt) throw new ValidationError(`${input.email} is deactivated`, { field: "email", reason: "userDeactivated" });
  // The plugin writes the key row itself; the audit event follows, and the key goes again if that fails.
  const created = await auth.api.createApiKey({ body: { userId: user.id, name: input.name } });
  const start = created.key.slice(0, START_LENGTH);
  try {
    await db.$transaction(async (tx) => {
      await tx.apikey.update({ where: { id: created.id }, data: { start } });
      await appendAudit(tx, actor, { action: "token.create", entityType: "apikey", entityId: created.id, after: { userId: user.id, email: input.email, name: input.name, start } });
    });
  } catch (error) {
    await db.apikey.delete({ where: { id: created.id } }).catch(() => undefined);
    throw error;
  }
  return { token: created.key, id: created.id, start };
}

export interface ApiTokenRow {
  id: string;
  name: string | null;
  start: string | null;
  enabled: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  owner: { id: string; email: string; name: string; deactivatedAt: Date | null };
}

/** Every API key with its owner, newest first. Never the secret, which is stored only as a hash. */
export async function listApiTokens(actor: Actor | null): Promise<ApiTokenRow[]> {
  authorize(actor, "token.list");
  const keys = await db.apikey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      start: true,
      enabled: true,
      createdAt: true,
      lastRequest: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, deactivatedAt: true } },
    },
  });
  return keys.map(({ lastRequest, enabled, user, ...key }) => ({ ...key, enabled: enabled !== false, lastUsedAt: lastRequest, owner: user }));
}

/** Revokes an API key: the row stays (for the record) but is disabled, so the API answers 401. */
export async function revokeApiToken(actor: Actor | null, input: ApiKeyRefInput): Promise<void> {
  authorize(actor, "token.revoke");
  const { keyId } = validate(apiKeyRefSchema, input);
  await db.$transaction(async (tx) => {
    const key = await tx.apikey.findUnique({ where: { id: keyId }, select: { id: true, enabled: true } });
    if (!key) throw new NotFoundError(`no API key with id ${keyId}`, { field: "keyId" });
    if (key.enabled === false) return;
    await tx.apikey.update({ where: { id: keyId }, data: { enabled: false, updatedAt: new Date() } });
    await appendAudit(tx, actor, {
      action: "token.revoke",
      entityType: "apikey",
      entityId: keyId,
      before: { enabled: true },
      after: { enabled: false },
    });
  });
}
