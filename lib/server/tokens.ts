import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { auth } from "./auth";
import { authorize } from "./authorize";
import { db } from "./db";
import { NotFoundError, ValidationError } from "./errors";

/**
 * Creates an API token for a user; it acts with that user's role. The token is
 * returned once and stored only as a hash.
 */
export async function createApiToken(actor: Actor | null, email: string, name = "pipeline"): Promise<{ token: string; id: string }> {
  authorize(actor, "token.create");
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, deactivatedAt: true } });
  if (!user) throw new NotFoundError(`no user with email ${email}`, { field: "email" });
  if (user.deactivatedAt) throw new ValidationError(`${email} is deactivated`, { field: "email" });
  const created = await auth.api.createApiKey({ body: { userId: user.id, name } });
  await db.$transaction(async (tx) => {
    await appendAudit(tx, actor, { action: "token.create", entityType: "apikey", entityId: created.id, after: { userId: user.id, name, start: created.start } });
  });
  return { token: created.key, id: created.id };
}
