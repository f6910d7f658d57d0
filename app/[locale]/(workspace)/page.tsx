import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { languageName } from "@/components/language-name";
import { ApprovalNote } from "@/components/approval-note";
import { StatusBadge } from "@/components/status-badge";
import { Link } from "@/i18n/navigation";
import { listArticles } from "@/lib/server/articles";
import { currentActor } from "./current-actor";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title") };
}

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const articles = await listArticles(await currentActor(locale));
  const t = await getTranslations("dashboard");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      {articles.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      <ul className="space-y-6">
        {articles.map((article) => (
          <li key={article.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={`/articles/${article.slug}`} aria-label={t("openSideBySide", { title: article.title })} className="text-blue-800 hover:underline">
                {article.title}
              </Link>
            </h2>
            <p className="mb-3 text-sm text-slate-500">
              {article.slug} · {t("versionCount", { count: article.versions.length })}
            </p>
            <table className="w-full text-left text-sm" aria-label={t("versionsOf", { title: article.title })}>
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 font-medium">{t("columns.language")}</th>
                  <th className="py-1 font-medium">{t("columns.label")}</th>
                  <th className="py-1 font-medium">{t("columns.status")}</th>
                  <th className="py-1 text-right font-medium">{t("columns.segments")}</th>
                </tr>
              </thead>
              <tbody>
                {article.versions.map((version) => (
                  <tr key={version.id} className="border-t border-slate-100" data-version-id={version.id} data-lang={version.lang}>
                    <td className="py-1">
                      {languageName(version.lang, locale)} <span className="text-slate-400">({version.lang})</span>
                      {version.isSource ? <span className="ml-2 rounded bg-slate-800 px-1.5 text-xs text-white">{t("sourceBadge")}</span> : null}
                    </td>
                    <td className="py-1">{version.label}</td>
                    <td className="py-1">
                      <StatusBadge status={version.status} /> <ApprovalNote info={version} />
                    </td>
                    <td className="py-1 text-right tabular-nums">{version.segmentCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </>
  );
}
