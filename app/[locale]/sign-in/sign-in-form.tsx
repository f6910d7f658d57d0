"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const inputClass = "mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-blue-600";
  return (
    <form action={action} className="space-y-4" noValidate={false}>
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="block text-sm font-medium">
        {t("email")}
        <input name="email" type="email" autoComplete="username" required defaultValue={state?.email} className={inputClass} />
      </label>
      <label className="block text-sm font-medium">
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      {state ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error === "rateLimited" ? t("rateLimited", { minutes: state.minutes ?? 15 }) : t(state.error)}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
