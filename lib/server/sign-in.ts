import { APIError } from "better-auth/api";
import { signInSchema } from "../validation/user";
import { auth } from "./auth";
import { RateLimitedError, UnauthenticatedError } from "./errors";
import { validate } from "./validate";

/** Signs in with email and password; on success the auth library sets the session cookie. */
export async function signIn(email: string, password: string, headers: Headers): Promise<void> {
  const body = validate(signInSchema, { email, password });
  try {
    await auth.api.signInEmail({ body, headers });
  } catch (error) {
    if (error instanceof APIError) {
      if (error.statusCode === 429) {
        const retry = Number(new Headers(error.headers).get("Retry-After") ?? 900);
        throw new RateLimitedError(error.message, Number.isFinite(retry) ? retry : 900);
      }
      throw new UnauthenticatedError("wrong email or password");
    }
    throw error;
  }
}

export async function signOut(headers: Headers): Promise<void> {
  await auth.api.signOut({ headers }).catch(() => undefined);
}
