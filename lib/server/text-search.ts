import { providerOf } from "./db";

/**
 * Text search means "contains, ignoring the case of ASCII letters" on every provider: what
 * SQLite's LIKE does. PostgreSQL's LIKE is case-sensitive, so there the database filters with
 * ILIKE, which folds all of Unicode (a superset), and containsText() decides.
 */
export function containsFilter(query: string): { contains: string } {
  // `mode` exists only in the PostgreSQL client's types; the SQLite client's type is the one used.
  return providerOf() === "postgresql" ? ({ contains: query, mode: "insensitive" } as { contains: string }) : { contains: query };
}

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Whether `text` contains `query`, ignoring the case of ASCII letters only (as SQLite's LIKE). */
export function containsText(text: string, query: string): boolean {
  return asciiLower(text).includes(asciiLower(query));
}
