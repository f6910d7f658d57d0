import { z } from "zod";

export const VERSION_STATUSES = ["in_review", "changes_requested", "approved"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const approveVersionSchema = z.object({
  overrideReason: z.string().trim().min(1, "give a reason for approving despite the blockers").max(2000).optional(),
});
export type ApproveVersionInput = z.input<typeof approveVersionSchema>;

export const requestChangesSchema = z.object({
  message: z.string().trim().min(1, "say what needs to change").max(5000),
});
export type RequestChangesInput = z.input<typeof requestChangesSchema>;
