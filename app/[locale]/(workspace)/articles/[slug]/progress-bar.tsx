"use client";

import { useTranslations } from "next-intl";
import type { VersionProgress } from "@/lib/server/workspace";

/** Reviewed / total segments, and open annotations by severity. */
export function ProgressBar({ progress, name }: { progress: VersionProgress; name: string }) {
  const t = useTranslations("workspace.progress");
  const percent = progress.total ? Math.round((progress.reviewed / progress.total) * 100) : 0;
  return (
    <div className="mt-1 text-xs font-normal text-slate-600" data-progress="">
      <div
        role="progressbar"
        aria-label={t("label", { name })}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.reviewed}
        aria-valuetext={t("reviewed", { reviewed: progress.reviewed, total: progress.total })}
        className="h-1.5 w-40 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-green-600" style={{ width: `${percent}%` }} />
      </div>
      <span data-reviewed-count={progress.reviewed}>{t("reviewed", { reviewed: progress.reviewed, total: progress.total })}</span>
      {" · "}
      <span className="text-red-700">{t("major", { count: progress.open.major })}</span>
      {" · "}
      <span className="text-amber-700">{t("minor", { count: progress.open.minor })}</span>
      {" · "}
      <span className="text-sky-700">{t("neutral", { count: progress.open.neutral })}</span>
    </div>
  );
}
