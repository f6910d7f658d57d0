import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { languageName, textDirection } from "@/components/language-name";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/server/authorize";
import { getArticleFindings } from "@/lib/server/checks";
import { NotFoundError } from "@/lib/server/errors";
import { getWorkspace } from "@/lib/server/workspace";
import { currentActor } from "../../current-actor";
import { ChecksPanel } from "./checks-panel";
import { NamesMatrix } from "./names-matrix";
import { ReviewWorkspace, type ViewVersion } from "./review-workspace";
import { VersionWorkflow } from "./version-workflow";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<{ page?: string; open?: string; unreviewed?: string; findings?: string; q?: string; tab?: string }>;

const TABS = ["grid", "checks", "names"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, slug } = await params;
  const query = await searchParams;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const workspace = await getWorkspace(actor, slug, query, { rows: "first" }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("workspace");
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? "") ? (query.tab as Tab) : "grid";
  const findings = tab === "checks" ? await getArticleFindings(actor, slug) : [];
  const versions: ViewVersion[] = workspace.versions.map((version) => ({
    id: version.id,
    lang: version.lang,
    label: version.label,
    isSource: version.isSource,
    name: languageName(version.lang, locale),
    dir: textDirection(version.lang),
    status: version.status,
    approval: version.approval,
    progress: version.progress,
  }));
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/" className="text-blue-800 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <div className="mb-3 flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-semibold">{workspace.article.title}</h1>
        <Link href={`/articles/${slug}/report`} className="text-sm text-blue-800 hover:underline">
          {t("report")}
        </Link>
        <a href={`/api/v1/articles/${slug}/export?format=mqm-tsv`} download className="text-sm text-blue-800 hover:underline">
          {t("exportMqm")}
        </a>
      </div>
      <VersionWorkflow slug={slug} versions={versions} canApprove={can(actor, "version.approve")} />
      <nav aria-label={t("tabs.label")} className="mb-3 flex gap-1 border-b border-slate-200 text-sm">
        {TABS.map((name) => (
          <Link
            key={name}
            href={name === "grid" ? `/articles/${slug}` : `/articles/${slug}?tab=${name}`}
            aria-current={tab === name ? "page" : undefined}
            className={`-mb-px rounded-t border px-3 py-1.5 ${tab === name ? "border-slate-200 border-b-white bg-white font-semibold" : "border-transparent text-blue-800 hover:underline"}`}
          >
            {name === "checks"
              ? t("tabs.checks", { count: workspace.versions.reduce((sum, v) => sum + v.findingCounts.error + v.findingCounts.warning, 0) })
              : t(`tabs.${name}`)}
          </Link>
        ))}
      </nav>
      {tab === "grid" ? <ReviewWorkspace workspace={workspace} versions={versions} canReject={can(actor, "annotation.reject")} /> : null}
      {tab === "checks" ? (
        <ChecksPanel slug={slug} versions={versions.filter((v) => !v.isSource).map(({ id, name, label, lang, dir }) => ({ id, name, label, lang, dir }))} findings={findings} />
      ) : null}
      {tab === "names" ? <NamesMatrix actor={actor} slug={slug} versions={versions} /> : null}
    </>
  );
}
