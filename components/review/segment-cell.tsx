import type { GridSegment } from "@/lib/server/articles";

export interface CellVersion {
  id: string;
  lang: string;
  dir: "ltr" | "rtl";
}

const KIND_STYLES: Record<string, string> = {
  title: "text-base font-semibold",
  heading: "font-semibold",
  meta: "text-xs text-slate-500",
  paragraph: "",
};

/**
 * One cell of the grid: a version's segment at a position, rendered as text.
 * The data-* attributes are the stable hooks for automation (DESIGN.md).
 */
export function SegmentCell({
  version,
  position,
  segment,
  missingText,
  missingLabel,
  sticky,
}: {
  version: CellVersion;
  position: number;
  segment: GridSegment | undefined;
  missingText: string;
  missingLabel: string;
  sticky?: boolean;
}) {
  const base = "min-w-72 max-w-[36rem] border-b border-l border-slate-200 px-3 py-2 align-top";
  const stickyClass = sticky ? " sticky left-12 z-10 bg-slate-50" : " bg-white";
  if (!segment) {
    return (
      <td
        className={`${base}${stickyClass} text-center text-xs italic text-slate-400`}
        data-version-id={version.id}
        data-lang={version.lang}
        data-position={position}
        data-missing="true"
        aria-label={missingLabel}
      >
        {missingText}
      </td>
    );
  }
  return (
    <td
      className={`${base}${stickyClass} whitespace-pre-wrap break-words leading-relaxed ${KIND_STYLES[segment.kind] ?? ""}`}
      data-version-id={version.id}
      data-lang={version.lang}
      data-position={position}
      data-segment-id={segment.id}
      data-kind={segment.kind}
      data-revision={segment.revision}
      lang={version.lang}
      dir={version.dir}
    >
      {segment.text}
    </td>
  );
}
