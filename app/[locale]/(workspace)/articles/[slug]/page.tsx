import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { languageName, textDirection } from "@/components/language-name";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/server/authorize";
import { NotFoundError } from "@/lib/server/errors";
import { getWorkspace } from "@/lib/server/workspace";
import { currentActor } from "../../current-actor";
import { ReviewWorkspace, type ViewVersion } from "./review-workspace";
import { VersionWorkflow } from "./version-workflow";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<{ page?: string; open?: string; unreviewed?: string; q?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, slug } = await params;
  const query = await searchParams;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const workspace = await getWorkspace(actor, slug, query).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("workspace");
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
      <ReviewWorkspace workspace={workspace} versions={versions} canReject={can(actor, "annotation.reject")} />
    </>
  );
}
