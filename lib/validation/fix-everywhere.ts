import { z } from "zod";
import { isMarkedOnSource, isMqmCategory, SEVERITIES } from "../mqm/taxonomy";

export const FIX_EVERYWHERE_DEFAULT_CATEGORY = "Accuracy/Mistranslation/Entity";
// One request is one transaction; this keeps it well inside the transaction timeout.
export const MAX_FIX_OCCURRENCES = 500;
const MAX_FORM = 200;

// Query-string flags: present as "1" or "true", absent otherwise.
const flag = z.preprocess((value) => value === true || value === "1" || value === "true", z.boolean());

export const occurrencesQuerySchema = z.object({
  article: z.string().trim().min(1).max(200),
  from: z.string().min(1).max(MAX_FORM),
  allArticles: flag.default(false),
  // The annotation the search starts from: its own span is reported as such.
  annotation: z.string().min(1).max(100).optional(),
});
export type OccurrencesQuery = z.input<typeof occurrencesQuerySchema>;

export const fixOccurrenceSchema = z
  .object({
    segmentId: z.string().min(1).max(100),
    start: z.int().min(0),
    end: z.int().min(1),
    baseRevision: z.int().min(1),
  })
  .refine((o) => o.end > o.start, { message: "end must be after start", path: ["end"] });

export const fixEverywhereSchema = z
  .object({
    from: z.string().min(1).max(MAX_FORM),
    to: z.string().max(MAX_FORM),
    occurrences: z.array(fixOccurrenceSchema).min(1).max(MAX_FIX_OCCURRENCES),
    category: z
      .string()
      .refine(isMqmCategory, "not an MQM category of lib/mqm/taxonomy.ts")
      .refine((c) => !isMarkedOnSource(c), "this category is marked on the source; Fix everywhere corrects translations")
      .default(FIX_EVERYWHERE_DEFAULT_CATEGORY),
    severity: z.enum(SEVERITIES).default("major"),
    note: z.string().trim().max(5000).optional(),
    sourceAnnotationId: z.string().min(1).max(100).optional(),
  })
  .refine((d) => d.to !== d.from, { message: "the correction is the same as the wrong form", path: ["to"] })
  .refine((d) => d.occurrences.every((o) => o.end - o.start === d.from.length), { message: "each occurrence must span exactly the wrong form", path: ["occurrences"] })
  .refine((d) => new Set(d.occurrences.map((o) => `${o.segmentId}:${o.start}`)).size === d.occurrences.length, {
    message: "an occurrence is listed twice",
    path: ["occurrences"],
  });
export type FixEverywhereInput = z.input<typeof fixEverywhereSchema>;
