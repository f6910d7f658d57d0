"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { revokeApiKeyAction } from "../actions";
import { FormMessage } from "../form-message";
import type { FormState } from "../form-state";

export function RevokeKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const t = useTranslations("admin.apiKeys");
  const common = useTranslations("admin");
  const [state, action, pending] = useActionState<FormState, FormData>(revokeApiKeyAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="keyId" value={keyId} />
      <ConfirmDialog
        label={t("revoke")}
        accessibleName={t("revokeKey", { name })}
        title={t("revokeTitle", { name })}
        body={t("revokeBody")}
        confirmLabel={t("revoke")}
        cancelLabel={common("cancel")}
        disabled={pending}
      />
      <FormMessage kind="error" message={state && !state.ok ? state.error : undefined} />
    </form>
  );
}
