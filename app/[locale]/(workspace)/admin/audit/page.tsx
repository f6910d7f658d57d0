import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { actionKey } from "@/lib/audit/vocabulary";
import { auditFilterOptions, listAuditEvents, type AuditEntityPlace, type AuditEventRow, type AuditLogPage } from "@/lib/server/audit-log";
import { can } from "@/lib/server/authorize";
import { ValidationError } from "@/lib/server/errors";
import { cellHref } from "@/lib/validation/workspace";
import { currentActor } from "../../current-actor";
import { AdminForbidden } from "../admin-forbidden";
import { AuditChange } from "./audit-change";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminAuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  if (!can(actor, "audit.read")) return <AdminForbidden />;
  const search = await searchParams;
  const first = (name: string) => {
    const value = search[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const filters: AuditFilterValues = { article: first("article"), actor: first("actor"), action: first("action"), from: first("from"), to: first("to") };
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  // Codes written by an older release may have no label: they show as they are.
  const actionLabel = (action: string) => (t.has(actionKey(action)) ? t(actionKey(action)) : action);
  const entityLabel = (type: string) => (t.has(`entities.${type}`) ? t(`entities.${type}`) : type);

  // Quoted text (an annotation's, a dismissed finding's) in the reader's quotation marks; a deleted entity by its id.
  const entityName = (event: AuditEventRow) => {
    if (event.entityLabel === null) return event.entityPlace ? "" : (event.entityId?.slice(0, 12) ?? "");
    return event.entityType === "annotation" || event.entityType === "checkDismissal" ? t("quoted", { text: event.entityLabel }) : event.entityLabel;
  };

  let log: AuditLogPage | null = null;
  let invalidField: string | null = null;
  try {
    log = await listAuditEvents(actor, { ...filters, page: first("page") || 1 });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    invalidField = String(error.details?.field ?? "");
  }
  const options = await auditFilterOptions(actor);

  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
    if (page > 1) query.set("page", String(page));
    const string = query.toString();
    return string ? `/admin/audit?${string}` : "/admin/audit";
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title" className="mb-4 text-2xl font-semibold">
        {t("title")}
      </h1>
      <AuditFilters values={filters} options={options} />
      {invalidField !== null ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("invalidFilter", { field: invalidField ? t(`filters.${invalidField}`) : "?" })}
        </p>
      ) : null}
      {log ? (
        <>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t("total", { count: log.total })}
          </p>
          {log.events.length === 0 ? (
            <p className="text-slate-600">{t("empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm" aria-labelledby="audit-title">
                <thead className="bg-slate-50 text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.time")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.actor")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.action")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.entity")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.reason")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.changes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.events.map((event) => (
                    <tr key={event.id} data-audit-action={event.action} className="border-t border-slate-100 align-top">
                      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                        <time dateTime={event.at.toISOString()}>
                          {format.dateTime(event.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" })}
                        </time>
                      </td>
                      <td className="px-3 py-2 break-all">{event.actorLabel}</td>
                      <td className="px-3 py-2">
                        {actionLabel(event.action)}
                        <code className="block text-xs whitespace-nowrap text-slate-500" title={t("code", { code: event.action })}>
                          {event.action}
                        </code>
                      </td>
                      <td className="px-3 py-2 text-xs" data-entity-id={event.entityId ?? undefined}>
                        <span className="text-slate-500">{entityLabel(event.entityType)}</span>{" "}
                        <span className="break-all">{entityName(event)}</span>
                        {event.entityPlace ? <EntityPlace place={event.entityPlace} slug={event.articleSlug} /> : null}
                        {event.articleSlug && event.entityType !== "article" ? <span className="block text-slate-500">{t("inArticle", { slug: event.articleSlug })}</span> : null}
                        {event.articleSlug && event.entityType === "article" && !event.entityLabel ? <span className="block">{event.articleSlug}</span> : null}
                      </td>
                      <td className="max-w-xs px-3 py-2 break-words whitespace-pre-wrap">{event.reason ?? ""}</td>
                      <td className="min-w-[16rem] px-3 py-2">
                        <AuditChange before={event.before} after={event.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {log.pageCount > 1 ? (
            <nav aria-label={t("pager.label")} className="mt-4 flex items-center gap-4 text-sm">
              {log.page > 1 ? (
                <Link href={pageHref(log.page - 1)} rel="prev" className="text-blue-800 hover:underline">
                  ← {t("pager.newer")}
                </Link>
              ) : null}
              <span className="text-slate-600">{t("pager.page", { page: log.page, pageCount: log.pageCount })}</span>
              {log.page < log.pageCount ? (
                <Link href={pageHref(log.page + 1)} rel="next" className="text-blue-800 hover:underline">
                  {t("pager.older")} →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Where an entity sits: its version, and its row linked to the workspace when the article is known. */
async function EntityPlace({ place, slug }: { place: AuditEntityPlace; slug: string | null }) {
  const t = await getTranslations("admin.audit");
  const version = t("placeVersion", { lang: place.lang, label: place.versionLabel });
  if (place.position === null) return <span className="block">{version}</span>;
  const row = t("placeRow", { version, position: place.position });
  return <span className="block">{slug ? <Link href={cellHref(slug, place.position)} className="text-blue-800 hover:underline">{row}</Link> : row}</span>;
}
