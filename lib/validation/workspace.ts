import { z } from "zod";

export const LAYOUTS = ["columns", "rows"] as const;
export type Layout = (typeof LAYOUTS)[number];

// Rows per page: long articles are paged so the page stays light and fast.
export const WORKSPACE_PAGE_SIZE = 50;

// Query-string flags: present as "1" or "true", absent otherwise.
const flag = z.preprocess((value) => value === true || value === "1" || value === "true", z.boolean());

export const workspaceQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1),
  open: flag.default(false),
  unreviewed: flag.default(false),
  findings: flag.default(false),
  q: z.string().trim().max(200).default(""),
});
export type WorkspaceQuery = z.input<typeof workspaceQuerySchema>;

export const preferencesSchema = z.object({
  versionIds: z.array(z.string().min(1)).max(200),
  layout: z.enum(LAYOUTS).default("columns"),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;
