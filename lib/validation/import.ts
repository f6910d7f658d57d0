import { z } from "zod";
import { TEXT_FORMATS, textFormatOf } from "../text";

// A BCP-47 tag: language, optional script, region and variants (en, zh-Hans, pt-BR, sr-Latn-RS).
export const langSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-[a-zA-Z\d]{5,8})*$/, "not a BCP-47 language tag");

export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens only")
  .max(120);

export const importVersionSchema = z.object({
  slug: slugSchema,
  lang: langSchema,
  isSource: z.boolean().default(false),
  label: z.string().trim().min(1).max(120).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  replace: z.boolean().default(false),
  format: z.enum([...TEXT_FORMATS, "xliff"]),
  fileName: z.string().min(1),
});
/** Formats `verso import` reads: article text, or XLIFF 1.2/2.0 (source plus target). */
export const IMPORT_FORMATS = [...TEXT_FORMATS, "xliff"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (ext === "xlf" || ext === "xliff") return "xliff";
  return textFormatOf(fileName);
}

export type ImportVersionInput = z.input<typeof importVersionSchema>;
