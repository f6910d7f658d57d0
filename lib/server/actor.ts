import type { Role } from "../validation/roles";

/** Who performs an operation: a signed-in user (or token), or the local operator's CLI. */
export type Actor =
  | { kind: "user"; id: string; email: string; name: string; role: Role }
  | { kind: "system"; label: string };

/** The command line runs with the operator's access to the database file. */
export const CLI_ACTOR: Actor = { kind: "system", label: "cli" };
export const SEED_ACTOR: Actor = { kind: "system", label: "seed" };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.email : actor.label;
}
