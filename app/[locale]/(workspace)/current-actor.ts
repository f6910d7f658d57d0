import { headers } from "next/headers";
import { redirect } from "@/i18n/navigation";
import type { Actor } from "@/lib/server/actor";
import { getActor } from "@/lib/server/session";

/** The signed-in user for a workspace page; anyone else goes to sign-in. */
export async function currentActor(locale: string): Promise<Actor> {
  const actor = await getActor(await headers());
  if (!actor) return redirect({ href: "/sign-in", locale });
  return actor;
}
