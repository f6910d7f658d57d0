import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { apiKey } from "@better-auth/api-key";
import { MIN_PASSWORD_LENGTH } from "../validation/user";
import { authSecret } from "./auth-secret";
import { db, providerOf } from "./db";
import { baseUrl, trustedOrigins } from "./origin";
import { RateLimitedError } from "./errors";
import { assertSignInAllowed, clearSignInFailures, clientAddress, recordSignInFailure } from "./sign-in-limit";

const SIGN_IN_PATH = "/sign-in/email";

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.toLowerCase() : "";
}

/**
 * The auth library's instance. Sign-up is closed (accounts come from
 * `verso user add` or an admin); failed sign-ins are rate-limited in the
 * database, so every app server shares the count.
 */
export const auth = betterAuth({
  appName: "Verso",
  baseURL: baseUrl(),
  secret: authSecret(),
  trustedOrigins: trustedOrigins(),
  telemetry: { enabled: false },
  database: prismaAdapter(db, { provider: providerOf(db) }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
  },
  // Our own limiter below counts failures only; the built-in one would count every request.
  rateLimit: { enabled: false },
  user: {
    additionalFields: {
      role: { type: "string", required: false, defaultValue: "reviewer", input: false },
      deactivatedAt: { type: "date", required: false, input: false },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
  },
  databaseHooks: {
    session: {
      create: {
        // A deactivated account cannot start a session.
        async before(session) {
          const user = await db.user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
          if (!user || user.deactivatedAt) return false;
        },
      },
    },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      try {
        await assertSignInAllowed(emailOf(ctx.body), clientAddress(ctx.headers));
      } catch (error) {
        if (error instanceof RateLimitedError) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: error.message,
            code: "RATE_LIMITED",
          }, { "Retry-After": String(error.retryAfterSeconds) });
        }
        throw error;
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      const email = emailOf(ctx.body);
      if (ctx.context.returned instanceof APIError) {
        await recordSignInFailure(email, clientAddress(ctx.headers));
      } else {
        await clearSignInFailures(email);
      }
    }),
  },
  plugins: [
    apiKey({
      // Pipelines send `Authorization: Bearer <token>` (DESIGN.md "REST API").
      customAPIKeyGetter: (ctx) => {
        const header = ctx.headers?.get("authorization") ?? "";
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        return match ? match[1] : null;
      },
      enableSessionForAPIKeys: true,
      defaultPrefix: "verso_",
      rateLimit: { enabled: false },
    }),
    nextCookies(),
  ],
});
