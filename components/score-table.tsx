import { useFormatter, useTranslations } from "next-intl";
import { MQM_SCORE_DIGITS, PENALTY_DIGITS } from "@/components/mqm-format";
import type { ScoreRow } from "@/lib/server/scores";

/** The MQM scorecard: score, rated pairs, penalty per 1,000 source words and pass/fail. */
export function ScoreTable({ rows, caption, showLanguage = true }: { rows: ScoreRow[]; caption: string; showLanguage?: boolean }) {
  const t = useTranslations("report");
  const format = useFormatter();
  return (
    <table className="w-full max-w-4xl text-left text-sm" data-scorecard="">
      <caption className="mb-1 text-left font-medium">{caption}</caption>
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 font-medium">{t("columns.system")}</th>
          {showLanguage ? <th className="py-1 font-medium">{t("columns.language")}</th> : null}
          <th className="py-1 text-right font-medium">{t("columns.mqm")}</th>
          <th className="py-1 text-right font-medium">{t("columns.pairs")}</th>
          <th className="py-1 text-right font-medium">{t("columns.per1000")}</th>
          <th className="py-1 text-right font-medium">{t("columns.result")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100" data-system={row.system}>
            <td className="py-1">{row.system}</td>
            {showLanguage ? <td className="py-1">{row.lang}</td> : null}
            <td className="py-1 text-right tabular-nums">{format.number(row.mqm, MQM_SCORE_DIGITS)}</td>
            <td className="py-1 text-right tabular-nums">{format.number(row.pairs)}</td>
            <td className="py-1 text-right tabular-nums">{row.per1000Words === null ? "–" : format.number(row.per1000Words, PENALTY_DIGITS)}</td>
            <td className="py-1 text-right">{row.pass === null ? t("noThreshold") : row.pass ? t("pass") : t("fail")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
