// GET|POST /api/auth/* – the auth library's own endpoints (sign-in, sign-out, session)
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/server/auth";

export const { GET, POST } = toNextJsHandler(auth);
