import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { languageName, textDirection } from "@/components/language-name";
import { Link } from "@/i18n/navigation";
import { getArticleGrid } from "@/lib/server/articles";
import { NotFoundError } from "@/lib/server/errors";
import { currentActor } from "../../current-actor";
import { SideBySideGrid, type GridVersion } from "./side-by-side-grid";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: Promise<{ v?: string }> }) {
  const { locale, slug } = await params;
  const { v } = await searchParams;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const grid = await getArticleGrid(actor, slug).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("grid");

  const versions: GridVersion[] = grid.versions.map((version) => ({
    id: version.id,
    lang: version.lang,
    label: version.label,
    isSource: version.isSource,
    name: languageName(version.lang, locale),
    dir: textDirection(version.lang),
  }));
  const requested = v?.split(",").filter(Boolean);
  const initialShown = versions.filter((version) => !version.isSource && (!requested || requested.includes(version.id))).map((version) => version.id);

  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/" className="text-blue-800 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold">{grid.article.title}</h1>
      <SideBySideGrid versions={versions} positions={grid.positions} cells={grid.cells} initialShown={initialShown} />
    </>
  );
}
