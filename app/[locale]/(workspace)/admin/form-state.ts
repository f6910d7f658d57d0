/** A translated message: a key under the root of the locale files, with its ICU values. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/** What an admin server action answers its form with. */
export type FormState =
  | null
  | { ok: true; notice?: Message; secret?: { token: string; email: string; name: string } }
  | { ok: false; error: Message; field?: string; values?: Record<string, string> };
