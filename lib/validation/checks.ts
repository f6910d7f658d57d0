import { z } from "zod";
import { isMqmCategory, SEVERITIES } from "../mqm/taxonomy";
import { MAX_SEGMENT_TEXT } from "./annotation";

export const dismissFindingSchema = z.object({
  versionId: z.string().min(1),
  checkId: z.string().min(1).max(64),
  position: z.int().min(1),
  quote: z.string().max(MAX_SEGMENT_TEXT),
  reason: z.string().trim().min(1, "say why this finding is not a problem").max(2000),
});
export type DismissFindingInput = z.input<typeof dismissFindingSchema>;

/** A finding turned into an annotation: offsets into the segment's current text at baseRevision. */
export const findingAnnotationSchema = z.object({
  start: z.int().min(0),
  end: z.int().min(1),
  baseRevision: z.int().min(1),
  category: z.string().refine(isMqmCategory, "not an MQM category of lib/mqm/taxonomy.ts"),
  severity: z.enum(SEVERITIES),
  suggestion: z.string().max(MAX_SEGMENT_TEXT).optional(),
  note: z.string().trim().max(5000).optional(),
  apply: z.boolean().default(false),
});
export type FindingAnnotationInput = z.input<typeof findingAnnotationSchema>;
