import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { actionKey } from "@/lib/audit/vocabulary";
import type { AuditFilterOptions } from "@/lib/server/audit-log";

export interface AuditFilterValues {
  article: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const control = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal";

/** A plain GET form: the filters live in the URL, so a filtered view can be linked. */
export async function AuditFilters({ values, options }: { values: AuditFilterValues; options: AuditFilterOptions }) {
  const t = await getTranslations("admin.audit.filters");
  const audit = await getTranslations("admin.audit");
  const actionLabel = (action: string) => (audit.has(actionKey(action)) ? audit(actionKey(action)) : action);
  // A value typed into the URL that no option offers stays selectable.
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [current, ...list] : list);
  return (
    <form method="get" role="search" aria-label={t("legend")} className="mb-4 grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      <label className="block text-sm font-medium">
        {t("article")}
        <select name="article" defaultValue={values.article} className={control}>
          <option value="">{t("any")}</option>
          {withCurrent(options.articles.map((a) => a.slug), values.article).map((slug) => (
            <option key={slug} value={slug}>
              {slug}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        {t("actor")}
        <select name="actor" defaultValue={values.actor} className={control}>
          <option value="">{t("any")}</option>
          {withCurrent(options.actors, values.actor).map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        {t("action")}
        <select name="action" defaultValue={values.action} className={control}>
          <option value="">{t("any")}</option>
          {withCurrent(options.actions, values.action).map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        {t("from")}
        <input type="datetime-local" name="from" defaultValue={values.from} className={control} />
      </label>
      <label className="block text-sm font-medium">
        {t("to")}
        <input type="datetime-local" name="to" defaultValue={values.to} className={control} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          {t("apply")}
        </button>
        <Link href="/admin/audit" className="text-sm whitespace-nowrap text-blue-800 hover:underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
