import { APIError } from "better-auth/api";
import { ROLES, type Role } from "../validation/roles";
import type { Actor } from "./actor";
import { auth } from "./auth";
import { UnauthenticatedError } from "./errors";

/** The signed-in user behind a request (browser session or API token), or null. */
export async function getActor(headers: Headers): Promise<Actor | null> {
  // A refused credential is no actor (401); a database failure is not a refusal and must not look like one.
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    if (error instanceof APIError && error.statusCode < 500) return null;
    throw error;
  });
  const user = session?.user as { id: string; email: string; name: string; role?: string; deactivatedAt?: Date | null } | undefined;
  if (!user || user.deactivatedAt) return null;
  const role = (ROLES as readonly string[]).includes(user.role ?? "") ? (user.role as Role) : "reviewer";
  return { kind: "user", id: user.id, email: user.email, name: user.name, role };
}

export async function requireActor(headers: Headers): Promise<Actor> {
  const actor = await getActor(headers);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
