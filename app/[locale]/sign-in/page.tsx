import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "@/i18n/navigation";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getActor } from "@/lib/server/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const { locale } = await params;
  const { next } = await searchParams;
  setRequestLocale(locale);
  if (await getActor(await headers())) redirect({ href: "/", locale });
  const t = await getTranslations("signIn");
  const app = await getTranslations("app");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center p-6">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-lg font-semibold">
          {app("name")} <span className="text-sm font-normal text-slate-500">· {app("tagline")}</span>
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
        <SignInForm locale={locale} next={next} />
        <p className="mt-4 text-xs text-slate-500">{t("accountsNote")}</p>
      </div>
      <div className="mt-4 self-end">
        <LanguageSwitcher />
      </div>
    </main>
  );
}
