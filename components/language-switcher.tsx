"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { usePathname, useRouter } from "@/i18n/navigation";
import { routing, type Locale } from "@/i18n/routing";

/** Switches the interface language, keeping the page and its query. */
export function LanguageSwitcher() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span>{t("nav.uiLanguage")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Locale;
          const query = search.toString();
          startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { locale: next }));
        }}
        className="rounded border border-slate-300 bg-white px-2 py-1"
      >
        {routing.locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`localeNames.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
