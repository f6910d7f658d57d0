import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/server/authorize";
import { currentActor } from "../current-actor";
import { AdminTabs } from "./admin-tabs";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("title") };
}

// Only the tabs depend on the role here; every page checks again and lib/server enforces it.
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  if (!can(actor, "user.list")) return children;
  const t = await getTranslations("admin");
  return (
    <>
      <p className="mb-1 text-sm text-slate-500">{t("title")}</p>
      <AdminTabs />
      {children}
    </>
  );
}
