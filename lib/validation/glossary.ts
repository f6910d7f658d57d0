import { z } from "zod";
import { langSchema } from "./import";

export const glossaryTermSchema = z.object({
  lang: langSchema,
  canonical: z.string().trim().min(1).max(200),
  variants: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  note: z.string().trim().max(2000).optional(),
  articleSlug: z.string().optional(),
});
export type GlossaryTermInput = z.input<typeof glossaryTermSchema>;
