import type { Role } from "../validation/roles";
import type { Actor } from "./actor";
import { ForbiddenError, UnauthenticatedError } from "./errors";

const EVERYONE: readonly Role[] = ["reviewer", "editor", "admin"];
const EDITORS: readonly Role[] = ["editor", "admin"];
const ADMINS: readonly Role[] = ["admin"];

/**
 * Every operation and the roles that may perform it: the single table that
 * pages, server actions, the API and the CLI are all checked against.
 */
export const PERMISSIONS = {
  "article.read": EVERYONE,
  "annotation.create": EVERYONE,
  "annotation.apply": EVERYONE,
  "annotation.reject": EDITORS,
  "segment.edit": EVERYONE,
  "segment.review": EVERYONE,
  "check.dismiss": EVERYONE,
  "preference.save": EVERYONE,
  "version.import": EDITORS,
  "glossary.edit": EDITORS,
  "mqm.import": EDITORS,
  "version.export": EVERYONE,
  "version.approve": EDITORS,
  "version.requestChanges": EDITORS,
  "user.list": ADMINS,
  "user.create": ADMINS,
  "user.update": ADMINS,
  "token.list": ADMINS,
  "token.create": ADMINS,
  "token.revoke": ADMINS,
  "audit.read": ADMINS,
  "database.backup": ADMINS,
  "database.restore": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof PERMISSIONS;

export function can(actor: Actor | null, operation: Operation): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  return (PERMISSIONS[operation] as readonly Role[]).includes(actor.role);
}

/** Throws 401 without an actor and 403 when the role may not perform the operation. */
export function authorize(actor: Actor | null, operation: Operation): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, operation)) {
    throw new ForbiddenError(`role ${actor.kind === "user" ? actor.role : actor.kind} may not ${operation}`, { operation });
  }
}
