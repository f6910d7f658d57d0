import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createUserSchema, type CreateUserInput } from "../validation/user";
import type { Role } from "../validation/roles";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError } from "./errors";
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
      throw new ConflictError(`a user with email ${email} already exists`, { field: "email" });
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
