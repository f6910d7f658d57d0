import { z } from "zod";

// The API-key plugin's default name limits (better-auth api-key: 1–32 characters).
export const API_KEY_NAME_MAX = 32;

export const createApiKeySchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(API_KEY_NAME_MAX),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const apiKeyRefSchema = z.object({ keyId: z.string().trim().min(1).max(200) });
export type ApiKeyRefInput = z.input<typeof apiKeyRefSchema>;

export const AUDIT_PAGE_SIZE = 50;

// `<input type="datetime-local">` values (or a bare date), read as UTC.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?$/;
const instant = z
  .string()
  .trim()
  .regex(LOCAL_DATE_TIME, "expected YYYY-MM-DD or YYYY-MM-DDTHH:mm")
  .transform((value, ctx) => {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "not a real date" });
      return z.NEVER;
    }
    // How long the written value lasts: "to 2026-05-01" includes that whole day.
    const spanMs = value.length === 10 ? 86_400_000 : value.length === 16 ? 60_000 : value.length === 19 ? 1000 : 1;
    return { date, spanMs };
  });

// Empty form fields arrive as "": treat them as absent.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1),
  article: optional(z.string().trim().max(200)),
  actor: optional(z.string().trim().max(320)),
  action: optional(z.string().trim().max(100)),
  from: optional(instant),
  to: optional(instant),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
