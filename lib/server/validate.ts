import type { z } from "zod";
import { ValidationError } from "./errors";

/** Parses with a shared zod schema; the first issue becomes a precise ValidationError naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".");
  throw new ValidationError(field ? `${field}: ${issue.message}` : issue.message, { field, issues: parsed.error.issues });
}
