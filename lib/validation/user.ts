import { z } from "zod";
import { roleSchema } from "./roles";

export const MIN_PASSWORD_LENGTH = 12;

export const createUserSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(256),
});

export const userRefSchema = z.object({ userId: z.string().trim().min(1).max(200) });
export type UserRefInput = z.input<typeof userRefSchema>;

export const changeRoleSchema = userRefSchema.extend({ role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
