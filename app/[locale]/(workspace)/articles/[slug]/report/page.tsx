import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/bar-chart";
import { categoryLabel, MQM_SCORE_DIGITS, PENALTY_DIGITS } from "@/components/mqm-format";
import { ScoreTable } from "@/components/score-table";
import { Link } from "@/i18n/navigation";
import { WEIGHTS } from "@/lib/mqm/weights";
import { NotFoundError } from "@/lib/server/errors";
import { getArticleReport } from "@/lib/server/report";
import { currentActor } from "../../../current-actor";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: `${t("title")} · ${slug}` };
}

export default async function ReportPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const report = await getArticleReport(actor, slug).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("report");
  const categories = await getTranslations("categories");
  const format = await getFormatter();
  const penalty = (value: number) => format.number(value, PENALTY_DIGITS);
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/articles/${slug}`} className="text-blue-800 hover:underline">
          ← {t("backToWorkspace")}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-slate-600">{report.article.title}</p>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("explain", WEIGHTS)}</p>
      <p className="mb-4 text-sm">
        {/* A plain link: the browser downloads the file the API serves. */}
        <a href={`/api/v1/articles/${slug}/export?format=mqm-tsv`} download className="text-blue-800 underline">
          {t("downloadTsv")}
        </a>
      </p>

      {report.scores.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      {report.scores.length > 0 ? (
        <section aria-labelledby="scorecard" className="mb-8">
          <h2 id="scorecard" className="mb-2 text-lg font-semibold">
            {t("scorecard")}
          </h2>
          <ScoreTable rows={report.scores} caption={t("scorecardCaption")} />
          <BarChart title={t("scoreChart")} bars={report.scores.map((row) => ({ label: `${row.system} (${row.lang})`, value: row.mqm }))} format={(v) => format.number(v, MQM_SCORE_DIGITS)} />
        </section>
      ) : null}

      {report.breakdown.length > 0 ? (
        <section aria-labelledby="breakdown" className="mb-8">
          <h2 id="breakdown" className="mb-2 text-lg font-semibold">
            {t("breakdown")}
          </h2>
          <table className="w-full max-w-4xl text-left text-sm" data-breakdown="">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-medium">{t("columns.category")}</th>
                <th className="py-1 text-right font-medium">{t("severities.major")}</th>
                <th className="py-1 text-right font-medium">{t("severities.minor")}</th>
                <th className="py-1 text-right font-medium">{t("severities.neutral")}</th>
                <th className="py-1 text-right font-medium">{t("columns.penalty")}</th>
              </tr>
            </thead>
            <tbody>
              {report.breakdown.map((row) => (
                <tr key={row.category} className="border-t border-slate-100">
                  <td className="py-1">
                    {categoryLabel(row.category, categories)}{" "}
                    <code className="text-xs text-slate-500">{row.category}</code>
                  </td>
                  <td className="py-1 text-right tabular-nums">{format.number(row.major)}</td>
                  <td className="py-1 text-right tabular-nums">{format.number(row.minor)}</td>
                  <td className="py-1 text-right tabular-nums">{format.number(row.neutral)}</td>
                  <td className="py-1 text-right tabular-nums">{penalty(row.penalty)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <BarChart title={t("breakdownChart")} bars={report.breakdown.map((row) => ({ label: categoryLabel(row.category, categories), value: row.penalty }))} format={penalty} />
        </section>
      ) : null}

      {report.worst.length > 0 ? (
        <section aria-labelledby="worst">
          <h2 id="worst" className="mb-2 text-lg font-semibold">
            {t("worst")}
          </h2>
          <ol className="max-w-4xl space-y-2 text-sm">
            {report.worst.map((segment) => (
              <li key={`${segment.versionId}-${segment.position}`} className="rounded border border-slate-200 bg-white p-2">
                <Link href={`/articles/${slug}?page=${segment.page}#pos-${segment.position}`} className="font-medium text-blue-800 hover:underline">
                  {t("worstLine", { system: segment.system, position: segment.position, penalty: penalty(segment.penalty) })}
                </Link>
                {segment.text ? <p className="mt-1 line-clamp-2 text-slate-700">{segment.text}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
