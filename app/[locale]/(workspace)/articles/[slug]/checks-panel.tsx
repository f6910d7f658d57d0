"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Link } from "@/i18n/navigation";
import type { VersionFinding } from "@/lib/server/checks";
import { cellHref } from "@/lib/validation/workspace";
import { callApi, type ApiError } from "@/components/api-client";
import { useFindingText } from "@/components/review/finding-text";

export interface ChecksVersion {
  id: string;
  name: string;
  label: string;
  lang: string;
  dir: "ltr" | "rtl";
}

/** Severity a finding's annotation gets: errors are major, warnings minor. */
const severityOf = (f: VersionFinding) => (f.level === "error" ? "major" : "minor");

/**
 * The Checks tab: the automatic findings by version and check, with counts.
 * Each can become an annotation in one click, be applied directly, or be
 * dismissed with a reason (it then stays away for that text).
 */
export function ChecksPanel({ slug, versions, findings }: { slug: string; versions: ChecksVersion[]; findings: VersionFinding[] }) {
  const t = useTranslations("checks");
  const te = useTranslations("errors");
  const describe = useFindingText();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [dismissing, setDismissing] = useState<VersionFinding | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const message = (e: ApiError) => (te.has(e.code) ? `${te(e.code)} ${e.message}` : e.message);
  const keyOf = (f: VersionFinding) => `${f.versionId}:${f.checkId}:${f.position}:${f.start}:${f.end}`;
  const checkName = (id: string) => (t.has(`names.${id}`) ? t(`names.${id}`) : id);

  async function annotate(finding: VersionFinding, apply: boolean) {
    if (!finding.segmentId || finding.revision === null) return;
    setBusy(keyOf(finding));
    const result = await callApi("POST", `/api/v1/segments/${finding.segmentId}/finding-annotations`, {
      start: finding.start,
      end: finding.end,
      baseRevision: finding.revision,
      category: finding.mqmCategory,
      severity: severityOf(finding),
      ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
      note: describe(finding),
      apply,
    });
    setBusy(null);
    if (!result.ok) {
      setStatus({ kind: "error", text: message(result.error) });
      return;
    }
    setStatus({ kind: "ok", text: apply ? t("applied", { quote: finding.quote }) : t("annotated", { quote: finding.quote }) });
    router.refresh();
  }

  function openDismiss(finding: VersionFinding) {
    setDismissing(finding);
    setStatus(null);
    dialog.current?.showModal();
  }

  async function dismiss(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dismissing) return;
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    const result = await callApi("POST", "/api/v1/dismissals", {
      versionId: dismissing.versionId,
      checkId: dismissing.checkId,
      position: dismissing.position,
      quote: dismissing.quote,
      reason,
    });
    if (!result.ok) {
      setStatus({ kind: "error", text: message(result.error) });
      return;
    }
    dialog.current?.close();
    setStatus({ kind: "ok", text: t("dismissed") });
    router.refresh();
  }


  return (
    <section aria-labelledby="checks-heading" className="space-y-4">
      <h2 id="checks-heading" className="sr-only">
        {t("heading")}
      </h2>
      <p role="status" aria-live="polite" className={status?.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
        {status?.text}
      </p>
      {versions.map((version) => {
        const mine = findings.filter((f) => f.versionId === version.id);
        const checks = [...new Set(mine.map((f) => f.checkId))];
        const errors = mine.filter((f) => f.level === "error").length;
        return (
          <section key={version.id} aria-labelledby={`checks-${version.id}`} data-checks-version={version.id} data-lang={version.lang} className="rounded border border-slate-200 bg-white">
            <h3 id={`checks-${version.id}`} className="border-b border-slate-100 px-3 py-2 font-semibold">
              {version.name} · {version.label}{" "}
              <span className="text-sm font-normal text-slate-600">{t("counts", { errors, warnings: mine.length - errors })}</span>
            </h3>
            {mine.length === 0 ? <p className="px-3 py-2 text-sm text-slate-600">{t("none")}</p> : null}
            {checks.map((checkId) => {
              const list = mine.filter((f) => f.checkId === checkId);
              return (
                <details key={checkId} open className="border-b border-slate-100 last:border-b-0" data-check={checkId}>
                  <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">
                    {checkName(checkId)} <span className="text-slate-500">({list.length})</span>
                  </summary>
                  <ul className="divide-y divide-slate-100">
                    {list.map((f) => (
                      <li key={keyOf(f)} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-1.5 text-sm" data-finding-row={f.checkId}>
                        <span className={`rounded px-1.5 text-xs font-medium ${f.level === "error" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
                          {t(`levels.${f.level}`)}
                        </span>
                        <Link href={cellHref(slug, f.position)} className="text-blue-800 underline">
                          {t("position", { position: f.position })}
                        </Link>
                        {f.quote ? (
                          <span lang={f.lang} dir={version.dir} className="rounded bg-slate-100 px-1 font-medium">
                            {f.quote}
                          </span>
                        ) : null}
                        {f.suggestion !== undefined ? (
                          <span lang={f.lang} dir={version.dir}>
                            → <span className="rounded bg-green-50 px-1 font-medium">{f.suggestion}</span>
                          </span>
                        ) : null}
                        <span className="text-xs text-slate-600">{describe(f)}</span>
                        <span className="ml-auto flex gap-1">
                          {f.segmentId && f.end > f.start ? (
                            <>
                              <button
                                type="button"
                                disabled={busy !== null}
                                onClick={() => void annotate(f, false)}
                                aria-label={t("annotateLabel", { quote: f.quote, position: f.position })}
                                className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
                              >
                                {t("annotate")}
                              </button>
                              {f.suggestion !== undefined ? (
                                <button
                                  type="button"
                                  disabled={busy !== null}
                                  onClick={() => void annotate(f, true)}
                                  aria-label={t("applyLabel", { quote: f.quote, suggestion: f.suggestion, position: f.position })}
                                  className="rounded border border-green-700 px-2 py-0.5 text-xs text-green-900 hover:bg-green-50 disabled:opacity-50"
                                >
                                  {t("apply")}
                                </button>
                              ) : null}
                            </>
                          ) : null}
                          <button
                            type="button"
                            onClick={() => openDismiss(f)}
                            aria-label={t("dismissLabel", { position: f.position })}
                            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                          >
                            {t("dismiss")}
                          </button>
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              );
            })}
          </section>
        );
      })}
      <dialog ref={dialog} aria-labelledby="dismiss-title" className="m-auto w-[30rem] max-w-[95vw] rounded-lg p-0 shadow-xl backdrop:bg-black/30">
        <form onSubmit={dismiss} className="space-y-3 p-4">
          <h2 id="dismiss-title" className="text-lg font-semibold">
            {t("dismissTitle")}
          </h2>
          {dismissing ? <p className="text-sm text-slate-700">{describe(dismissing)}</p> : null}
          <label className="block text-sm">
            <span className="font-medium">{t("reason")}</span>
            <textarea name="reason" required rows={3} maxLength={2000} className="mt-1 block w-full rounded border border-slate-300 p-2" />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
              {t("cancel")}
            </button>
            <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">
              {t("dismiss")}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
