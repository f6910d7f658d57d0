"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { ApprovalNote } from "@/components/approval-note";
import { StatusBadge } from "@/components/status-badge";
import { Link } from "@/i18n/navigation";
import { EXPORT_FORMATS } from "@/lib/formats/types";
import { cellHref } from "@/lib/validation/workspace";
import { callApi, type ApiError } from "@/components/api-client";
import type { ViewVersion } from "./review-workspace";

interface Gate {
  passes: boolean;
  openAnnotations: { annotationId: string; position: number; severity: string; category: string; quote: string }[];
  errorFindings: { checkId: string; position: number; quote: string; message: string }[];
  unreviewedSegments: { position: number }[];
}

const EXPORT_CHOICES = [...EXPORT_FORMATS, "mqm-tsv"] as const;

/** How many blocker links the dialog lists before summarising the rest. */
const LISTED = 12;

/**
 * The versions' status and the editor's controls: approve (with the approval
 * gate's blockers and an override reason), request changes, and export.
 */
export function VersionWorkflow({ slug, versions, canApprove }: { slug: string; versions: ViewVersion[]; canApprove: boolean }) {
  const t = useTranslations("workflow");
  const te = useTranslations("errors");
  const tc = useTranslations("checks");
  const router = useRouter();
  const approveDialog = useRef<HTMLDialogElement>(null);
  const changesDialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<ViewVersion | null>(null);
  const [gate, setGate] = useState<Gate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const message = (e: ApiError) => (te.has(e.code) ? `${te(e.code)} ${e.message}` : e.message);

  async function openApprove(version: ViewVersion) {
    setTarget(version);
    setError(null);
    setGate(null);
    approveDialog.current?.showModal();
    const result = await callApi<Gate>("GET", `/api/v1/versions/${version.id}/approval-gate`);
    if (result.ok) setGate(result.data);
    else setError(message(result.error));
  }

  function openChanges(version: ViewVersion) {
    setTarget(version);
    setError(null);
    changesDialog.current?.showModal();
  }

  async function approve(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    const reason = String(new FormData(event.currentTarget).get("overrideReason") ?? "").trim();
    setBusy(true);
    const result = await callApi("POST", `/api/v1/versions/${target.id}/approve`, reason ? { overrideReason: reason } : {});
    setBusy(false);
    if (!result.ok) {
      setError(message(result.error));
      return;
    }
    approveDialog.current?.close();
    router.refresh();
  }

  async function sendChanges(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    const text = String(new FormData(event.currentTarget).get("message") ?? "");
    setBusy(true);
    const result = await callApi("POST", `/api/v1/versions/${target.id}/request-changes`, { message: text });
    setBusy(false);
    if (!result.ok) {
      setError(message(result.error));
      return;
    }
    changesDialog.current?.close();
    router.refresh();
  }

  const blocked = gate !== null && !gate.passes;
  const targetName = target ? `${target.name} · ${target.label}` : "";

  return (
    <section aria-labelledby="versions-heading" className="mb-4 rounded border border-slate-200 bg-white">
      <details open={versions.length <= 8}>
        <summary id="versions-heading" className="cursor-pointer px-3 py-2 text-sm font-semibold">
          {t("heading")}
        </summary>
        <table className="w-full text-left text-sm" aria-label={t("tableLabel")}>
          <thead className="text-slate-500">
            <tr>
              <th className="px-3 py-1 font-medium">{t("version")}</th>
              <th className="px-3 py-1 font-medium">{t("status")}</th>
              <th className="px-3 py-1 font-medium">{t("reviewed")}</th>
              <th className="px-3 py-1 font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} className="border-t border-slate-100 align-top" data-workflow-version={version.id} data-lang={version.lang}>
                <td className="px-3 py-1.5">
                  {version.name} <span className="text-slate-500">({version.lang})</span> · {version.label}
                </td>
                <td className="px-3 py-1.5">
                  <StatusBadge status={version.status} /> <ApprovalNote info={{ status: version.status, ...version.approval }} />
                </td>
                <td className="px-3 py-1.5 tabular-nums">
                  {version.progress.reviewed}/{version.progress.total}
                </td>
                <td className="px-3 py-1.5">
                  <div className="flex flex-wrap items-center justify-end gap-2">
                    {canApprove && !version.isSource && version.status !== "approved" ? (
                      <button
                        type="button"
                        onClick={() => openApprove(version)}
                        className="rounded border border-green-700 px-2 py-0.5 text-green-900 hover:bg-green-50"
                        aria-label={t("approveLabel", { version: `${version.name} · ${version.label}` })}
                      >
                        {t("approve")}
                      </button>
                    ) : null}
                    {canApprove && !version.isSource ? (
                      <button
                        type="button"
                        onClick={() => openChanges(version)}
                        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                        aria-label={t("requestChangesLabel", { version: `${version.name} · ${version.label}` })}
                      >
                        {t("requestChanges")}
                      </button>
                    ) : null}
                    <details className="relative">
                      <summary
                        className="cursor-pointer list-none rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                        aria-label={t("exportLabel", { version: `${version.name} · ${version.label}` })}
                      >
                        {t("export")} ▾
                      </summary>
                      <ul className="absolute right-0 z-30 mt-1 w-56 rounded border border-slate-200 bg-white py-1 shadow-lg" aria-label={t("formats")}>
                        {EXPORT_CHOICES.map((format) => (
                          <li key={format}>
                            <a
                              href={`/api/v1/articles/${slug}/export?version=${version.id}&format=${format}`}
                              download
                              className="block px-3 py-1 hover:bg-slate-100"
                              data-format={format}
                            >
                              {t(`formatNames.${format}`)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <dialog ref={approveDialog} aria-labelledby="approve-title" className="m-auto w-[36rem] max-w-[95vw] rounded-lg p-0 shadow-xl backdrop:bg-black/30">
        <form onSubmit={approve} className="space-y-3 p-4">
          <h2 id="approve-title" className="text-lg font-semibold">
            {t("approveTitle", { version: targetName })}
          </h2>
          {gate === null && !error ? <p className="text-sm text-slate-600">{t("checking")}</p> : null}
          {gate?.passes ? <p className="text-sm text-green-900">{t("gatePasses")}</p> : null}
          {blocked ? (
            <div className="space-y-2 text-sm" data-testid="approval-blockers">
              <p className="font-medium text-red-900">{t("blocked")}</p>
              {gate.openAnnotations.length > 0 ? (
                <div>
                  <p>{t("openBlocking", { count: gate.openAnnotations.length })}</p>
                  <ul className="ml-4 list-disc">
                    {gate.openAnnotations.slice(0, LISTED).map((a) => (
                      <li key={a.annotationId}>
                        <Link href={cellHref(slug, a.position)} className="text-blue-800 underline" onClick={() => approveDialog.current?.close()}>
                          {t("blockerAnnotation", { position: a.position, severity: a.severity, category: a.category, quote: a.quote })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {gate.openAnnotations.length > LISTED ? <p>{t("andMore", { count: gate.openAnnotations.length - LISTED })}</p> : null}
                </div>
              ) : null}
              {gate.errorFindings.length > 0 ? (
                <div>
                  <p>{t("openFindings", { count: gate.errorFindings.length })}</p>
                  <ul className="ml-4 list-disc">
                    {gate.errorFindings.slice(0, LISTED).map((f, index) => (
                      <li key={`${f.checkId}-${f.position}-${index}`}>
                        <Link href={cellHref(slug, f.position)} className="text-blue-800 underline" onClick={() => approveDialog.current?.close()}>
                          {t("blockerFinding", { position: f.position, check: tc.has(`names.${f.checkId}`) ? tc(`names.${f.checkId}`) : f.checkId, quote: f.quote })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {gate.errorFindings.length > LISTED ? <p>{t("andMore", { count: gate.errorFindings.length - LISTED })}</p> : null}
                </div>
              ) : null}
              {gate.unreviewedSegments.length > 0 ? (
                <div>
                  <p>{t("unreviewed", { count: gate.unreviewedSegments.length })}</p>
                  <p className="flex flex-wrap gap-x-2">
                    {gate.unreviewedSegments.slice(0, LISTED).map((s) => (
                      <Link key={s.position} href={cellHref(slug, s.position)} className="text-blue-800 underline" onClick={() => approveDialog.current?.close()}>
                        {t("positionShort", { position: s.position })}
                      </Link>
                    ))}
                    {gate.unreviewedSegments.length > LISTED ? <span>{t("andMore", { count: gate.unreviewedSegments.length - LISTED })}</span> : null}
                  </p>
                </div>
              ) : null}
              <label className="block">
                <span className="font-medium">{t("overrideReason")}</span>
                <textarea name="overrideReason" required rows={3} maxLength={2000} className="mt-1 block w-full rounded border border-slate-300 p-2" />
              </label>
            </div>
          ) : null}
          <DialogFooter
            error={error}
            cancel={t("cancel")}
            onCancel={() => approveDialog.current?.close()}
            submit={blocked ? t("approveAnyway") : t("approve")}
            disabled={busy || gate === null}
            submitClass="bg-green-800"
          />
        </form>
      </dialog>

      <dialog ref={changesDialog} aria-labelledby="changes-title" className="m-auto w-[32rem] max-w-[95vw] rounded-lg p-0 shadow-xl backdrop:bg-black/30">
        <form onSubmit={sendChanges} className="space-y-3 p-4">
          <h2 id="changes-title" className="text-lg font-semibold">
            {t("changesTitle", { version: targetName })}
          </h2>
          <label className="block text-sm">
            <span className="font-medium">{t("changesMessage")}</span>
            <textarea name="message" required rows={4} maxLength={5000} className="mt-1 block w-full rounded border border-slate-300 p-2" />
          </label>
          <DialogFooter
            error={error}
            cancel={t("cancel")}
            onCancel={() => changesDialog.current?.close()}
            submit={t("sendChanges")}
            disabled={busy}
            submitClass="bg-slate-800"
          />
        </form>
      </dialog>
    </section>
  );
}

/** A dialog form's last lines: the server's error, then Cancel and the submit button. */
function DialogFooter(props: { error: string | null; cancel: string; onCancel: () => void; submit: string; disabled: boolean; submitClass: string }) {
  return (
    <>
      {props.error ? (
        <p role="alert" className="text-sm text-red-800">
          {props.error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={props.onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {props.cancel}
        </button>
        <button type="submit" disabled={props.disabled} className={`rounded px-3 py-1 text-white disabled:opacity-50 ${props.submitClass}`}>
          {props.submit}
        </button>
      </div>
    </>
  );
}
