"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { getActor } from "@/lib/server/session";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { isDatabaseBusy } from "@/lib/server/http";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { changeUserRole, createUser, deactivateUser, reactivateUser } from "@/lib/server/users";
import type { Role } from "@/lib/validation/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/user";
import type { FormState, Message } from "./form-state";

const REASONS = new Set(["lastAdmin", "emailTaken", "userDeactivated"]);

/** The one place where a domain error becomes a message of the admin screen. */
function formError(error: unknown, values?: Record<string, string>): FormState {
  if (isDatabaseBusy(error)) return { ok: false, error: { key: "errors.busy" }, values };
  if (!(error instanceof DomainError)) {
    console.error(error);
    return { ok: false, error: { key: "errors.internal" }, values };
  }
  const field = typeof error.details?.field === "string" ? error.details.field : undefined;
  const reason = error.details?.reason;
  if (typeof reason === "string" && REASONS.has(reason)) return { ok: false, error: { key: `admin.errors.${reason}` }, field, values };
  if (error instanceof NotFoundError) {
    const key = field === "email" ? "ownerNotFound" : field === "keyId" ? "keyNotFound" : "userNotFound";
    return { ok: false, error: { key: `admin.errors.${key}` }, field, values };
  }
  if (error instanceof ValidationError) return { ok: false, error: validationMessage(field, error.details?.issues), field, values };
  return { ok: false, error: { key: `errors.${error.code}` }, field, values };
}

function validationMessage(field: string | undefined, issues: unknown): Message {
  const issue = (Array.isArray(issues) ? issues[0] : undefined) as z.core.$ZodIssue | undefined;
  if (field === "email") return { key: "admin.errors.invalidEmail" };
  if (field === "password") return { key: "admin.errors.passwordTooShort", values: { min: MIN_PASSWORD_LENGTH } };
  if (field === "name" && issue?.code === "too_big") return { key: "admin.errors.nameTooLong", values: { max: Number(issue.maximum) } };
  if (field === "name") return { key: "admin.errors.nameRequired" };
  return { key: "admin.errors.invalidField", values: { field: field ?? "?" } };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function actor() {
  return getActor(await headers());
}

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") };
  try {
    const user = await createUser(await actor(), { ...values, role: values.role as Role, password: text(form, "password") });
    refresh();
    return { ok: true, notice: { key: "admin.users.created", values: { email: user.email } } };
  } catch (error) {
    return formError(error, values);
  }
}

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await changeUserRole(await actor(), { userId: text(form, "userId"), role: text(form, "role") as Role });
    refresh();
    return { ok: true, notice: { key: "admin.users.roleSaved" } };
  } catch (error) {
    return formError(error);
  }
}

export async function deactivateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await deactivateUser(await actor(), { userId: text(form, "userId") });
    refresh();
    return { ok: true };
  } catch (error) {
    return formError(error);
  }
}

export async function reactivateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await reactivateUser(await actor(), { userId: text(form, "userId") });
    refresh();
    return { ok: true };
  } catch (error) {
    return formError(error);
  }
}

export async function createApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email"), name: text(form, "name") };
  try {
    const created = await createApiToken(await actor(), values.email, values.name);
    refresh();
    return { ok: true, secret: { token: created.token, email: values.email, name: values.name.trim() } };
  } catch (error) {
    return formError(error, values);
  }
}

export async function revokeApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await revokeApiToken(await actor(), { keyId: text(form, "keyId") });
    refresh();
    return { ok: true };
  } catch (error) {
    return formError(error);
  }
}
