"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { SegmentCell, type CellVersion } from "@/components/review/segment-cell";
import { usePathname, useRouter } from "@/i18n/navigation";
import type { GridSegment } from "@/lib/server/articles";

export interface GridVersion extends CellVersion {
  label: string;
  isSource: boolean;
  name: string;
}

/**
 * The read-only side-by-side view: one row per position, the source pinned
 * first, then the chosen versions. The choice lives in the URL (?v=…).
 */
export function SideBySideGrid({
  versions,
  positions,
  cells,
  initialShown,
}: {
  versions: GridVersion[];
  positions: number[];
  cells: Record<string, Record<number, GridSegment>>;
  initialShown: string[];
}) {
  const t = useTranslations("grid");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [shown, setShown] = useState<Set<string>>(() => new Set(initialShown));

  const source = versions.find((v) => v.isSource);
  const targets = versions.filter((v) => !v.isSource);
  const visible = targets.filter((v) => shown.has(v.id));

  function toggle(id: string) {
    const next = new Set(shown);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setShown(next);
    const query = new URLSearchParams(search.toString());
    const all = targets.every((v) => next.has(v.id));
    if (all) query.delete("v");
    else query.set("v", targets.filter((v) => next.has(v.id)).map((v) => v.id).join(","));
    const qs = query.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  return (
    <>
      <fieldset className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 bg-white px-3 py-2">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("pickVersions")}</legend>
        {targets.map((version) => (
          <label key={version.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={shown.has(version.id)} onChange={() => toggle(version.id)} />
            {t("toggleVersion", { language: version.name, label: version.label })}
          </label>
        ))}
        <span className="ml-auto text-xs text-slate-500">{t("rowCount", { count: positions.length })}</span>
      </fieldset>
      {visible.length === 0 ? <p className="mb-2 text-sm text-slate-600">{t("noVersionsShown")}</p> : null}
      {/* The grid scrolls inside its own box so the header row and the source column stay pinned. */}
      <div className="max-h-[calc(100vh-13rem)] overflow-auto rounded border border-slate-200">
        <table className="border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-30 w-12 min-w-12 border-b border-slate-200 bg-slate-100 px-2 py-2 text-right">
                {t("position")}
              </th>
              {source ? <ColumnHeader version={source} sticky badge={t("sourceBadge")} /> : null}
              {visible.map((version) => (
                <ColumnHeader key={version.id} version={version} />
              ))}
            </tr>
          </thead>
          <tbody>
            {positions.map((position) => (
              <tr key={position} data-position={position}>
                <th scope="row" aria-label={t("positionLabel", { position })} className="sticky left-0 z-10 w-12 min-w-12 border-b border-slate-200 bg-slate-100 px-2 py-2 text-right align-top font-normal tabular-nums text-slate-500">
                  {position}
                </th>
                {source ? cell(source, position, true) : null}
                {visible.map((version) => cell(version, position))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );

  function cell(version: GridVersion, position: number, sticky = false) {
    return (
      <SegmentCell
        key={version.id}
        version={version}
        position={position}
        segment={cells[version.id]?.[position]}
        missingText={t("missing")}
        missingLabel={t("missingLabel", { position })}
        sticky={sticky}
      />
    );
  }
}

function ColumnHeader({ version, sticky, badge }: { version: GridVersion; sticky?: boolean; badge?: string }) {
  return (
    <th
      scope="col"
      data-version-id={version.id}
      data-lang={version.lang}
      className={`top-0 border-b border-l border-slate-200 bg-slate-100 px-3 py-2 text-left font-medium ${sticky ? "sticky left-12 z-30" : "sticky z-20"}`}
    >
      {version.name} <span className="font-normal text-slate-500">· {version.label}</span>
      {badge ? <span className="ml-2 rounded bg-slate-800 px-1.5 text-xs text-white">{badge}</span> : null}
    </th>
  );
}
