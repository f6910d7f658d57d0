import { getSessionCookie } from "better-auth/cookies";
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { errorResponse } from "./lib/server/http";
import { assertSameOrigin } from "./lib/server/origin";

const intl = createMiddleware(routing);

// Reachable without a session: the sign-in page and the auth library's routes (the JSON API bypasses this file).
const PUBLIC_API = [/^\/api\/auth\//];
const SIGN_IN_PAGE = new RegExp(`^/(${routing.locales.join("|")})/sign-in/?$`);

/**
 * A first, optimistic gate: a state-changing request from a foreign site is
 * 403, and no session cookie (and no bearer token) means sign-in or 401.
 * lib/server checks every session and role for real.
 */
export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    // The auth library's own routes (sign-in included) and server actions pass through here too.
    assertSameOrigin(request);
  } catch (error) {
    return errorResponse(error);
  }
  const hasCredentials = Boolean(getSessionCookie(request)) || /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "");

  if (pathname.startsWith("/api/")) {
    if (PUBLIC_API.some((pattern) => pattern.test(pathname)) || hasCredentials) return NextResponse.next();
    return NextResponse.json({ error: { code: "unauthenticated", message: "sign-in required" } }, { status: 401 });
  }

  const response = intl(request);
  if (hasCredentials || SIGN_IN_PAGE.test(pathname)) return response;
  // Let next-intl pick the locale first, then send the visitor to that locale's sign-in.
  const location = response.headers.get("location");
  const target = location ? new URL(location, request.url) : request.nextUrl;
  const locale = target.pathname.split("/")[1];
  const safeLocale = (routing.locales as readonly string[]).includes(locale) ? locale : routing.defaultLocale;
  if (SIGN_IN_PAGE.test(target.pathname)) return response;
  const signIn = new URL(`/${safeLocale}/sign-in`, request.url);
  const next = target.pathname + target.search;
  if (next !== `/${safeLocale}` && next !== "/") signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but Next's own assets, files with an extension, and the JSON API (/api/v1, /api/health): each
  // API route checks origin, caller and role itself (lib/server/api.ts apiRoute, lib/server/authorize.ts), and
  // running this gate as well added to every API request's cost (about a fifth of /api/health's). The auth library's routes stay here.
  matcher: ["/((?!_next|_vercel|api/v1/|api/health|.*\\..*).*)", "/api/auth/:path*"],
};
