"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { signIn } from "@/lib/server/sign-in";

export type SignInState = { error: "wrongCredentials" | "invalid" | "rateLimited"; minutes?: number; email: string } | null;

/** Only same-site paths may follow a sign-in, never another origin. */
function safeNext(next: FormDataEntryValue | null, locale: string): string {
  const value = typeof next === "string" ? next : "";
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : `/${locale}`;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const locale = String(form.get("locale") ?? "en");
  try {
    await signIn(email, String(form.get("password") ?? ""), await headers());
  } catch (error) {
    if (error instanceof RateLimitedError) return { error: "rateLimited", minutes: Math.ceil(error.retryAfterSeconds / 60), email };
    if (error instanceof ValidationError) return { error: "invalid", email };
    if (error instanceof UnauthenticatedError) return { error: "wrongCredentials", email };
    throw error;
  }
  redirect(safeNext(form.get("next"), locale));
}
