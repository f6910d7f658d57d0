import { z } from "zod";
import { isMqmCategory, SEVERITIES } from "../mqm/taxonomy";

export const MAX_SEGMENT_TEXT = 100_000;

export const createAnnotationSchema = z.object({
  start: z.int().min(0),
  end: z.int().min(1),
  quote: z.string().min(1).max(MAX_SEGMENT_TEXT),
  category: z.string().refine(isMqmCategory, "not an MQM category of lib/mqm/taxonomy.ts"),
  severity: z.enum(SEVERITIES),
  note: z.string().trim().max(5000).optional(),
  suggestion: z.string().max(MAX_SEGMENT_TEXT).optional(),
  // For an omission marked on the source: the version that omits the span.
  targetVersionId: z.string().min(1).optional(),
  apply: z.boolean().default(false),
});
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const editTextSchema = z.object({
  text: z.string().max(MAX_SEGMENT_TEXT),
  baseRevision: z.int().min(1),
});
export type EditTextInput = z.input<typeof editTextSchema>;

export const restoreRevisionSchema = z.object({
  number: z.int().min(1),
  baseRevision: z.int().min(1),
});

export const reviewMarkSchema = z.object({ reviewed: z.boolean().default(true) });
