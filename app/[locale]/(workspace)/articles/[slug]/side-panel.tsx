"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useEffect, useState } from "react";
import { FixEverywhereDialog } from "@/components/fix-everywhere-dialog";
import { categoryLabel } from "@/components/mqm-format";
import { WordDiffView } from "@/components/review/word-diff-view";
import { isMarkedOnSource } from "@/lib/mqm/taxonomy";
import type { WorkspaceAnnotation, WorkspaceCell } from "@/lib/server/workspace";
import { callApi } from "@/components/api-client";

export type PanelAction = { kind: "apply" | "reject"; annotationId: string } | { kind: "restore"; number: number };

interface Revision {
  number: number;
  text: string;
  cause: string;
  createdAt: string;
  author: { name: string; email: string } | null;
}

/**
 * The side panel of one cell: its annotations (with apply / reject) and its
 * history (every revision with a diff to the one before, and restore).
 */
export function SidePanel({
  cell,
  lang,
  versionName,
  focusAnnotationId,
  canReject,
  onAction,
  onClose,
}: {
  cell: WorkspaceCell;
  lang: string;
  versionName: string;
  focusAnnotationId: string | null;
  canReject: boolean;
  onAction: (action: PanelAction) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useTranslations("panel");
  const format = useFormatter();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { slug } = useParams<{ slug: string }>();
  const [fixing, setFixing] = useState<WorkspaceAnnotation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tf = useTranslations("fixEverywhere");

  useEffect(() => {
    let live = true;
    callApi<{ revisions: Revision[] }>("GET", `/api/v1/segments/${cell.id}/revisions`).then((result) => {
      if (live && result.ok) setRevisions(result.data.revisions);
    });
    return () => {
      live = false;
    };
  }, [cell.id, cell.revision]);

  async function run(action: PanelAction) {
    setBusy(true);
    setError(await onAction(action));
    setBusy(false);
  }

  const ordered = [...cell.annotations].sort((a, b) => (a.id === focusAnnotationId ? -1 : b.id === focusAnnotationId ? 1 : a.start - b.start));
  return (
    <aside
      aria-label={t("title", { version: versionName, position: cell.position })}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
      className="fixed bottom-0 right-0 top-0 z-40 w-[28rem] max-w-full overflow-auto border-l border-slate-300 bg-white p-4 text-sm shadow-2xl"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">{t("title", { version: versionName, position: cell.position })}</h2>
        <button type="button" autoFocus onClick={onClose} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
          {t("close")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mb-3 rounded bg-red-50 px-2 py-1 text-red-800">
          {error}
        </p>
      ) : null}
      <p role="status" className={notice ? "mb-3 rounded bg-green-50 px-2 py-1 text-green-900" : "sr-only"}>
        {notice}
      </p>

      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("annotations")}</h3>
      {ordered.length === 0 ? <p className="mb-3 text-slate-500">{t("noAnnotations")}</p> : null}
      <ul className="mb-4 space-y-2">
        {ordered.map((annotation) => (
          <AnnotationItem key={annotation.id} annotation={annotation} lang={lang} busy={busy} canReject={canReject} focused={annotation.id === focusAnnotationId} onRun={run} onFix={() => setFixing(annotation)} />
        ))}
      </ul>

      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("history")}</h3>
      {revisions === null ? <p className="text-slate-500">{t("loading")}</p> : null}
      <ol className="space-y-2">
        {revisions?.map((revision, index) => {
          const previous = revisions[index + 1];
          return (
            <li key={revision.number} className="rounded border border-slate-200 p-2" data-revision={revision.number}>
              <p className="mb-1 text-xs text-slate-500">
                {t("revisionLine", {
                  number: revision.number,
                  cause: t.has(`causes.${revision.cause}`) ? t(`causes.${revision.cause}`) : revision.cause,
                  author: revision.author?.name ?? t("system"),
                  time: format.dateTime(new Date(revision.createdAt), { dateStyle: "short", timeStyle: "short" }),
                })}
              </p>
              <p lang={lang} className="whitespace-pre-wrap">
                {previous ? <WordDiffView before={previous.text} after={revision.text} lang={lang} label={t("diffToPrevious")} /> : revision.text}
              </p>
              {revision.number !== cell.revision ? (
                <button type="button" disabled={busy} onClick={() => run({ kind: "restore", number: revision.number })} className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
                  {t("restore", { number: revision.number })}
                </button>
              ) : (
                <span className="mt-1 inline-block text-xs text-green-800">{t("current")}</span>
              )}
            </li>
          );
        })}
      </ol>
      {fixing?.suggestion != null ? (
        <FixEverywhereDialog
          open
          from={fixing.quote}
          to={fixing.suggestion}
          articleSlug={slug}
          sourceAnnotationId={fixing.id}
          category={isMarkedOnSource(fixing.category) ? undefined : fixing.category}
          severity={fixing.severity}
          onClose={() => setFixing(null)}
          onApplied={(count) => setNotice(tf("done", { count }))}
        />
      ) : null}
    </aside>
  );
}

function AnnotationItem({
  annotation,
  lang,
  busy,
  canReject,
  focused,
  onRun,
  onFix,
}: {
  annotation: WorkspaceAnnotation;
  lang: string;
  busy: boolean;
  canReject: boolean;
  focused: boolean;
  onRun: (action: PanelAction) => void;
  onFix: () => void;
}) {
  const t = useTranslations("panel");
  const ta = useTranslations("annotate");
  const tf = useTranslations("fixEverywhere");
  const categories = useTranslations("categories");
  return (
    <li className={`rounded border p-2 ${focused ? "border-blue-600" : "border-slate-200"}`} data-annotation-id={annotation.id}>
      <p className="font-medium">
        <span title={annotation.category}>{categoryLabel(annotation.category, categories)}</span> · {ta(`severities.${annotation.severity}`)} · {t(`status.${annotation.status}`)}
      </p>
      <p className="mt-1" lang={lang}>
        <del className="bg-red-50">{annotation.quote}</del>
        {annotation.suggestion !== null ? (
          <>
            {" → "}
            <ins className="bg-green-50 no-underline">{annotation.suggestion}</ins>
          </>
        ) : null}
      </p>
      {annotation.note ? <p className="mt-1 text-slate-700">{annotation.note}</p> : null}
      <p className="mt-1 text-xs text-slate-500">{t("by", { author: annotation.author ?? t("system") })}</p>
      <div className="mt-2 flex gap-2">
        {annotation.status === "open" && annotation.suggestion !== null ? (
          <button type="button" disabled={busy} onClick={() => onRun({ kind: "apply", annotationId: annotation.id })} className="rounded bg-blue-700 px-2 py-0.5 text-white disabled:opacity-50">
            {t("apply")}
          </button>
        ) : null}
        {annotation.status === "applied" && canReject ? (
          <button type="button" disabled={busy} onClick={() => onRun({ kind: "reject", annotationId: annotation.id })} className="rounded border border-red-700 px-2 py-0.5 text-red-800 disabled:opacity-50">
            {t("reject")}
          </button>
        ) : null}
        {annotation.suggestion !== null && annotation.suggestion !== annotation.quote ? (
          <button
            type="button"
            disabled={busy}
            aria-haspopup="dialog"
            aria-label={tf("openLabel", { from: annotation.quote, to: annotation.suggestion })}
            onClick={onFix}
            className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-50"
          >
            {tf("open")}
          </button>
        ) : null}
      </div>
    </li>
  );
}
