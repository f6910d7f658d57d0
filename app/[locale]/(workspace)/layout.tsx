import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/server/authorize";
import { signOutAction } from "./actions";
import { currentActor } from "./current-actor";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const t = await getTranslations();
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label={t("nav.main")} className="mx-auto flex max-w-[100rem] items-center gap-6 px-4 py-2">
          <Link href="/" className="text-lg font-semibold text-slate-900">
            {t("app.name")}
          </Link>
          <Link href="/" className="text-sm text-slate-700 hover:underline">
            {t("nav.dashboard")}
          </Link>
          <Link href="/report" className="text-sm text-slate-700 hover:underline">
            {t("nav.report")}
          </Link>
          <Link href="/glossary" className="text-sm whitespace-nowrap text-slate-700 hover:underline">
            {t("nav.glossary")}
          </Link>
          {can(actor, "user.list") ? (
            <Link href="/admin" className="text-sm text-slate-700 hover:underline">
              {t("admin.nav")}
            </Link>
          ) : null}
          <div className="ml-auto flex items-center gap-4">
            <LanguageSwitcher />
            {actor.kind === "user" ? (
              <span className="text-sm text-slate-600">
                {t("nav.signedInAs", { name: actor.name })} · {t(`roles.${actor.role}`)}
              </span>
            ) : null}
            <form action={signOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </nav>
      </header>
      <main id="content" className="mx-auto max-w-[100rem] px-4 py-6">
        {children}
      </main>
    </>
  );
}
