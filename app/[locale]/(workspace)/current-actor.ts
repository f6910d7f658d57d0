import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "@/i18n/navigation";
import type { Actor } from "@/lib/server/actor";
import { getActor } from "@/lib/server/session";

// One session lookup per request, shared by the layout and the page.
const actorOfRequest = cache(async () => getActor(await headers()));

/** The signed-in user for a workspace page; anyone else goes to sign-in. */
export async function currentActor(locale: string): Promise<Actor> {
  const actor = await actorOfRequest();
  if (!actor) return redirect({ href: "/sign-in", locale });
  return actor;
}
