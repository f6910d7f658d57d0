"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ROLES } from "@/lib/validation/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/user";
import { createUserAction } from "./actions";
import { FormMessage } from "./form-message";
import type { FormState } from "./form-state";

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-normal aria-[invalid=true]:border-red-600";

export function CreateUserForm() {
  const t = useTranslations("admin.users.create");
  const roles = useTranslations("roles");
  const [state, action, pending] = useActionState<FormState, FormData>(createUserAction, null);
  const failed = state && !state.ok ? state : null;
  const invalid = (field: string) => (failed?.field === field ? { "aria-invalid": true, "aria-describedby": "create-user-error" } : {});
  return (
    <section aria-labelledby="create-user-title" className="self-start rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-user-title" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {/* The key re-mounts the fields with the submitted values after a refusal. */}
      <form key={JSON.stringify(failed?.values ?? {})} action={action} className="space-y-3">
        <label className="block text-sm font-medium">
          {t("email")}
          <input name="email" type="email" required autoComplete="off" defaultValue={failed?.values?.email} className={input} {...invalid("email")} />
        </label>
        <label className="block text-sm font-medium">
          {t("name")}
          <input name="name" required maxLength={200} autoComplete="off" defaultValue={failed?.values?.name} className={input} {...invalid("name")} />
        </label>
        <label className="block text-sm font-medium">
          {t("role")}
          <select name="role" defaultValue={failed?.values?.role ?? "reviewer"} className={input}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("password")}
          <input
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            aria-describedby="create-user-password-hint"
            className={input}
            {...invalid("password")}
          />
          <span id="create-user-password-hint" className="mt-1 block text-xs font-normal text-slate-500">
            {t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
          </span>
        </label>
        <FormMessage id="create-user-error" kind="error" message={failed?.error} />
        <FormMessage kind="notice" message={state?.ok ? state.notice : undefined} />
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </section>
  );
}
