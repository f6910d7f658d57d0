import { z } from "zod";
import { langSchema } from "./import";

export const importMqmSchema = z.object({
  fileName: z.string().min(1),
  sourceLang: langSchema.default("en"),
  targetLang: langSchema.default("de"),
  replace: z.boolean().default(false),
});

export const scoresQuerySchema = z.object({
  articleSlug: z.string().min(1).optional(),
  by: z.enum(["version", "system"]).default("version"),
});
