import { z } from "zod";
import { VARIANT_SEPARATOR } from "../formats/glossary-csv";
import { langSchema, slugSchema } from "./import";

export const CANONICAL_MAX = 200;
export const NOTE_MAX = 2000;
export const VARIANTS_MAX = 100;

// Empty form and CSV fields arrive as "": treat them as absent.
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const glossaryTermSchema = z.object({
  lang: langSchema,
  canonical: z.string().trim().min(1).max(CANONICAL_MAX),
  // CSV files join variants with the separator, so no variant may contain it.
  variants: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(CANONICAL_MAX)
        .refine((variant) => !variant.includes(VARIANT_SEPARATOR), `must not contain "${VARIANT_SEPARATOR}"`),
    )
    .max(VARIANTS_MAX)
    .default([])
    .transform((variants) => [...new Set(variants)]),
  // Line breaks are stored as LF whatever the browser or spreadsheet sent.
  note: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .trim()
      .max(NOTE_MAX)
      .transform((note) => note.replace(/\r\n?/g, "\n"))
      .nullish()
      .transform((note) => note ?? null),
  ),
  // Absent or null: a global term.
  articleSlug: z.preprocess(blankAsAbsent, slugSchema.nullish().transform((slug) => slug ?? null)),
});
export type GlossaryTermInput = z.input<typeof glossaryTermSchema>;
export type GlossaryTermData = z.output<typeof glossaryTermSchema>;

export const glossaryFilterSchema = z.object({
  lang: z.preprocess(blankAsAbsent, langSchema.optional()),
  articleSlug: z.preprocess(blankAsAbsent, slugSchema.optional()),
  q: z.preprocess(blankAsAbsent, z.string().trim().max(CANONICAL_MAX).optional()),
});
export type GlossaryFilter = z.input<typeof glossaryFilterSchema>;

export const glossaryImportSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  replace: z.boolean().default(false),
});

/** Why a term field was refused: the reason code the UI translates (glossary.errors.<reason>). */
export type TermFieldReason = "invalidLang" | "invalidSlug" | "required" | "tooLong" | "tooManyVariants" | "variantSeparator" | "invalid";

/** The reason and limit behind the first zod issue of a term, for precise, translatable errors. */
export function termIssueReason(issue: z.core.$ZodIssue): { reason: TermFieldReason; max?: number } {
  const field = issue.path[0];
  if (field === "lang") return { reason: "invalidLang" };
  if (field === "articleSlug") return { reason: "invalidSlug" };
  if (issue.code === "too_small") return { reason: "required" };
  if (issue.code === "too_big") return { reason: field === "variants" && issue.path.length === 1 ? "tooManyVariants" : "tooLong", max: Number(issue.maximum) };
  if (issue.code === "custom" && field === "variants") return { reason: "variantSeparator" };
  return { reason: "invalid" };
}
