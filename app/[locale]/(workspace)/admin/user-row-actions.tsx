"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { ROLES, type Role } from "@/lib/validation/roles";
import { changeRoleAction, deactivateUserAction, reactivateUserAction } from "./actions";
import { FormMessage } from "./form-message";
import type { FormState } from "./form-state";

/** Role change and (de)activation of one user, each with its error shown in the row. */
export function UserRowActions({ user }: { user: { id: string; email: string; role: Role; active: boolean } }) {
  const t = useTranslations("admin.users");
  const common = useTranslations("admin");
  const roles = useTranslations("roles");
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(changeRoleAction, null);
  const [statusState, statusAction, statusPending] = useActionState<FormState, FormData>(user.active ? deactivateUserAction : reactivateUserAction, null);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            {t("roleFor", { email: user.email })}
          </label>
          <select id={`role-${user.id}`} name="role" key={user.role} defaultValue={user.role} className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={rolePending} aria-label={t("saveRoleFor", { email: user.email })} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50">
            {t("saveRole")}
          </button>
        </form>
        <form action={statusAction}>
          <input type="hidden" name="userId" value={user.id} />
          {user.active ? (
            <ConfirmDialog
              label={t("deactivate")}
              accessibleName={t("deactivateUser", { email: user.email })}
              title={t("deactivateTitle", { email: user.email })}
              body={t("deactivateBody")}
              confirmLabel={t("deactivate")}
              cancelLabel={common("cancel")}
              disabled={statusPending}
            />
          ) : (
            <button type="submit" disabled={statusPending} aria-label={t("reactivateUser", { email: user.email })} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50">
              {t("reactivate")}
            </button>
          )}
        </form>
      </div>
      <FormMessage kind="error" message={roleState && !roleState.ok ? roleState.error : undefined} />
      <FormMessage kind="notice" message={roleState?.ok ? roleState.notice : undefined} />
      <FormMessage kind="error" message={statusState && !statusState.ok ? statusState.error : undefined} />
    </div>
  );
}
