import { db } from "./db";
import { RateLimitedError } from "./errors";

// Failed sign-ins allowed per window, per email and per client address.
export const SIGN_IN_LIMIT = {
  windowMinutes: 15,
  perEmail: 5,
  perAddress: 30,
};

function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000);
}

/** Refuses the attempt when this email or address has failed too often recently. */
export async function assertSignInAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const since = windowStart(now);
  const [byEmail, byAddress] = await Promise.all([
    db.signInFailure.findMany({ where: { email, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } }),
    // Without a known address every client would share one bucket, and one attacker could lock everybody out.
    ip === UNKNOWN_ADDRESS ? 0 : db.signInFailure.count({ where: { ip, at: { gte: since } } }),
  ]);
  if (byEmail.length >= SIGN_IN_LIMIT.perEmail || byAddress >= SIGN_IN_LIMIT.perAddress) {
    const oldest = byEmail[0]?.at ?? since;
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_LIMIT.windowMinutes * 60_000 - now.getTime()) / 1000));
    throw new RateLimitedError("too many failed sign-ins; try again later", retryAfter);
  }
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await db.signInFailure.create({ data: { email, ip } });
}

/** A successful sign-in forgets the email's failures; old rows are pruned. */
export async function clearSignInFailures(email: string, now = new Date()): Promise<void> {
  await db.signInFailure.deleteMany({ where: { OR: [{ email }, { at: { lt: windowStart(now) } }] } });
}

const UNKNOWN_ADDRESS = "unknown";

/** The client address as the proxy in front of us reports it, else "unknown". */
export function clientAddress(headers: Headers | undefined | null): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || UNKNOWN_ADDRESS;
}
