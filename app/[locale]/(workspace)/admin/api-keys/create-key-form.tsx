"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { API_KEY_NAME_MAX } from "@/lib/validation/admin";
import { createApiKeyAction } from "../actions";
import { FormMessage } from "../form-message";
import type { FormState } from "../form-state";

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-normal aria-[invalid=true]:border-red-600";

export function CreateKeyForm({ owners }: { owners: { email: string; name: string }[] }) {
  const t = useTranslations("admin.apiKeys.create");
  const [state, action, pending] = useActionState<FormState, FormData>(createApiKeyAction, null);
  const failed = state && !state.ok ? state : null;
  const invalid = (field: string) => (failed?.field === field ? { "aria-invalid": true, "aria-describedby": "create-key-error" } : {});
  return (
    <section aria-labelledby="create-key-title" className="self-start rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-key-title" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {state?.ok && state.secret ? <NewSecret key={state.secret.token} secret={state.secret} /> : null}
      <form key={JSON.stringify(failed?.values ?? {})} action={action} className="space-y-3">
        <label className="block text-sm font-medium">
          {t("owner")}
          <select name="email" required defaultValue={failed?.values?.email ?? ""} className={input} {...invalid("email")}>
            <option value="" disabled>
              {t("chooseOwner")}
            </option>
            {owners.map((owner) => (
              <option key={owner.email} value={owner.email}>
                {`${owner.name} <${owner.email}>`}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("name")}
          <input
            name="name"
            required
            maxLength={API_KEY_NAME_MAX}
            autoComplete="off"
            defaultValue={failed?.values?.name}
            aria-describedby="create-key-name-hint"
            className={input}
            {...invalid("name")}
          />
          <span id="create-key-name-hint" className="mt-1 block text-xs font-normal text-slate-500">
            {t("nameHint", { max: API_KEY_NAME_MAX })}
          </span>
        </label>
        <FormMessage id="create-key-error" kind="error" message={failed?.error} />
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </section>
  );
}

/** The new key's secret, shown once: it lives only in this component's state. */
function NewSecret({ secret }: { secret: { token: string; email: string; name: string } }) {
  const t = useTranslations("admin.apiKeys.secret");
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(true);
  if (!open) return null;
  async function copy() {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(secret.token);
      setCopied(true);
    } catch {
      // Without clipboard access the selected text can still be copied by hand.
    }
  }
  return (
    <div role="region" aria-labelledby="new-key-title" data-new-api-key="true" className="mb-4 rounded border border-amber-400 bg-amber-50 p-3">
      <h3 id="new-key-title" className="text-sm font-semibold break-words">
        {t("title", { name: secret.name, email: secret.email })}
      </h3>
      <p role="alert" className="my-2 text-sm text-amber-900">
        {t("warning")}
      </p>
      <label className="block text-xs font-medium text-slate-700">
        {t("label")}
        <input
          ref={field}
          readOnly
          value={secret.token}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
      </label>
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={copy} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {copied ? t("copied") : t("copy")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}
