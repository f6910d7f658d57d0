import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart } from "@/components/bar-chart";
import { MQM_SCORE_DIGITS } from "@/components/mqm-format";
import { ScoreTable } from "@/components/score-table";
import { computeScores } from "@/lib/server/scores";
import { currentActor } from "../current-actor";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("systemsTitle") };
}

/** Systems scored over every article (e.g. all docs of an imported WMT file). */
export default async function SystemsReportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scores = await computeScores(await currentActor(locale), { by: "system" });
  const t = await getTranslations("report");
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("systemsTitle")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("systemsExplain")}</p>
      {scores.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      {scores.length > 0 ? (
        <>
          <ScoreTable rows={scores} caption={t("systemsCaption")} showLanguage={false} />
          <BarChart title={t("scoreChart")} bars={scores.map((row) => ({ label: row.system, value: row.mqm }))} format={(v) => format.number(v, MQM_SCORE_DIGITS)} />
        </>
      ) : null}
    </>
  );
}
