import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import {
  changeRoleSchema,
  createUserSchema,
  userRefSchema,
  type ChangeRoleInput,
  type CreateUserInput,
  type UserRefInput,
} from "../validation/user";
import type { Role } from "../validation/roles";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { validate } from "./validate";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Creates a user with an email/password account. Passwords are hashed by the auth library. */
export async function createUser(actor: Actor | null, input: CreateUserInput): Promise<UserSummary> {
  authorize(actor, "user.create");
  const { email, name, role, password } = validate(createUserSchema, input);
  const hash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new ConflictError(`a user with email ${email} already exists`, { field: "email", reason: "emailTaken" });
    }
    const id = crypto.randomUUID();
    const user = await tx.user.create({
      data: {
        id,
        email,
        name,
        role,
        emailVerified: true,
        accounts: { create: { id: crypto.randomUUID(), accountId: id, providerId: "credential", password: hash } },
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await appendAudit(tx, actor, { action: "user.create", entityType: "user", entityId: id, after: { email, name, role } });
    return { ...user, role: user.role as Role };
  });
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export interface AdminUserRow extends UserSummary {
  deactivatedAt: Date | null;
  createdAt: Date;
}

/** Every user, for the admin screen: active ones first, then by email. */
export async function listUsers(actor: Actor | null): Promise<AdminUserRow[]> {
  authorize(actor, "user.list");
  const users = await db.user.findMany({
    orderBy: [{ email: "asc" }],
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, createdAt: true },
  });
  const rows = users.map((user) => ({ ...user, role: user.role as Role }));
  return [...rows.filter((user) => !user.deactivatedAt), ...rows.filter((user) => user.deactivatedAt)];
}

async function findUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, deactivatedAt: true } });
  if (!user) throw new NotFoundError(`no user with id ${userId}`, { field: "userId" });
  return user;
}

/**
 * Called after the write that may remove an admin: counting afterwards, inside the
 * same transaction, means two concurrent demotions cannot both see "one admin left".
 */
async function assertActiveAdminRemains(tx: Tx, email: string, change: "demote" | "deactivate"): Promise<void> {
  if ((await tx.user.count({ where: { role: "admin", deactivatedAt: null } })) > 0) return;
  throw new ConflictError(`${email} is the last active admin and cannot be ${change === "demote" ? "demoted" : "deactivated"}`, {
    reason: "lastAdmin",
  });
}

/** Changes a user's role; the last active admin keeps theirs. */
export async function changeUserRole(actor: Actor | null, input: ChangeRoleInput): Promise<UserSummary> {
  authorize(actor, "user.update");
  const { userId, role } = validate(changeRoleSchema, input);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    const summary = { id: user.id, email: user.email, name: user.name, role };
    if (user.role === role) return summary;
    await tx.user.update({ where: { id: userId }, data: { role } });
    if (user.role === "admin" && !user.deactivatedAt) await assertActiveAdminRemains(tx, user.email, "demote");
    await appendAudit(tx, actor, { action: "user.role", entityType: "user", entityId: userId, before: { role: user.role }, after: { role } });
    return summary;
  });
}

/**
 * Deactivates a user: they can no longer sign in, their sessions end and their
 * API keys are disabled. The last active admin cannot be deactivated.
 */
export async function deactivateUser(actor: Actor | null, input: UserRefInput): Promise<{ sessionsEnded: number; apiKeysDisabled: number }> {
  authorize(actor, "user.update");
  const { userId } = validate(userRefSchema, input);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.deactivatedAt) return { sessionsEnded: 0, apiKeysDisabled: 0 };
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now } });
    if (user.role === "admin") await assertActiveAdminRemains(tx, user.email, "deactivate");
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const keys = await tx.apikey.updateMany({
      where: { referenceId: userId, OR: [{ enabled: true }, { enabled: null }] },
      data: { enabled: false, updatedAt: now },
    });
    const result = { sessionsEnded: sessions.count, apiKeysDisabled: keys.count };
    await appendAudit(tx, actor, {
      action: "user.deactivate",
      entityType: "user",
      entityId: userId,
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString(), ...result },
    });
    return result;
  });
}

/** Lets a deactivated user sign in again. Their disabled API keys stay disabled: issue new ones. */
export async function reactivateUser(actor: Actor | null, input: UserRefInput): Promise<void> {
  authorize(actor, "user.update");
  const { userId } = validate(userRefSchema, input);
  await db.$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (!user.deactivatedAt) return;
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    await appendAudit(tx, actor, {
      action: "user.reactivate",
      entityType: "user",
      entityId: userId,
      before: { deactivatedAt: user.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
  });
}
