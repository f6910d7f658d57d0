/** What tests/stress/prepare.ts writes into a fresh stress database. */
export const STRESS_SLUG = "stress";
export const SEGMENTS = 60;
export const USERS = 10;

export interface StressUser {
  id: string;
  email: string;
  password: string;
  role: "reviewer" | "editor" | "admin";
  token: string;
  keyId: string;
}

export interface StressFixture {
  users: StressUser[];
  versionId: string;
  /** The German version's segments; each holds "Suzkwer" at SUZKWER_AT. */
  segments: { id: string; position: number; text: string }[];
}

export function suzkwerAt(text: string): number {
  const at = text.indexOf("Suzkwer");
  if (at < 0) throw new Error(`no "Suzkwer" in ${JSON.stringify(text)}`);
  return at;
}
