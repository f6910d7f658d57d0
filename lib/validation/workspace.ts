import { z } from "zod";

export const LAYOUTS = ["columns", "rows"] as const;
export type Layout = (typeof LAYOUTS)[number];

// Rows per page: long articles are paged so the page stays light and fast.
export const WORKSPACE_PAGE_SIZE = 50;

/** The workspace's link to one row of an article: its page, scrolled to the position. */
export function cellHref(slug: string, position: number): string {
  return `/articles/${slug}?page=${Math.ceil(position / WORKSPACE_PAGE_SIZE)}#pos-${position}`;
}

// Cells whose data comes with the page (whole rows, at least MIN_FIRST_ROWS): about a screenful
// however many versions are shown. The browser asks for the rest of the page's rows right after.
const FIRST_CELLS = 80;
const MIN_FIRST_ROWS = 4;

/** How many of a page's rows come with it, for this many columns (the source and the shown versions). */
export function firstRowCount(columns: number): number {
  return Math.max(MIN_FIRST_ROWS, Math.ceil(FIRST_CELLS / Math.max(1, columns)));
}

/** The rest of a page's rows: which positions, in which versions (ids, the source's included). */
export const workspaceRowsSchema = z.object({
  positions: z.array(z.number().int().min(0)).min(1).max(WORKSPACE_PAGE_SIZE),
  versionIds: z.array(z.string().min(1)).min(1).max(200),
});
export type WorkspaceRowsInput = z.input<typeof workspaceRowsSchema>;

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
