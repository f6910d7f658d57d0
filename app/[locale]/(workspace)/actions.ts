"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/server/sign-in";

export async function signOutAction(form: FormData) {
  await signOut(await headers());
  redirect(`/${String(form.get("locale") ?? "en")}/sign-in`);
}
