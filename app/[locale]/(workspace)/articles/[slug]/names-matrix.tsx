import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Actor } from "@/lib/server/actor";
import { getNamesMatrix } from "@/lib/server/checks";
import { cellHref } from "@/lib/validation/workspace";
import type { ViewVersion } from "./review-workspace";

/**
 * The Names tab: one row per name (glossary terms and detected names), one
 * column per version; each cell shows the forms used and how often, outliers
 * in red, and jumps to the first grid cell that uses the form.
 */
export async function NamesMatrix({ actor, slug, versions }: { actor: Actor; slug: string; versions: ViewVersion[] }) {
  const t = await getTranslations("names");
  const rows = await getNamesMatrix(actor, slug);
  const columns = versions.filter((v) => !v.isSource);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm" aria-label={t("tableLabel")}>
        <thead className="sticky top-0 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("name")}
            </th>
            {columns.map((v) => (
              <th key={v.id} scope="col" className="px-3 py-2 font-medium">
                {v.name} <span className="font-normal text-slate-500">· {v.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-t border-slate-100 align-top" data-name-row={row.name}>
              <th scope="row" className="px-3 py-1.5 font-medium">
                {row.name}
                {row.fromGlossary ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs font-normal text-slate-600">{t("glossary")}</span> : null}
              </th>
              {columns.map((v) => {
                const cell = row.cells[v.id];
                return (
                  <td key={v.id} className="px-3 py-1.5" data-version-id={v.id} data-lang={v.lang}>
                    {cell ? (
                      <ul>
                        {cell.forms.map((form) => (
                          <li key={form.form}>
                            <Link
                              href={cellHref(slug, form.firstPosition)}
                              data-outlier={form.outlier ? "true" : "false"}
                              aria-label={t(form.outlier ? "outlierLabel" : "formLabel", { form: form.form, count: form.count, position: form.firstPosition })}
                              className={form.outlier ? "rounded bg-red-100 px-1 font-semibold text-red-800 underline" : "text-slate-800 hover:underline"}
                            >
                              <span lang={v.lang}>{form.form}</span> ×{form.count}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-400" aria-label={t("absent")}>
                        –
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
