"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { AnnotatedText } from "@/components/review/annotated-text";
import { WordDiffView } from "@/components/review/word-diff-view";
import { usePathname, useRouter } from "@/i18n/navigation";
import type { Workspace, WorkspaceAnnotation, WorkspaceCell } from "@/lib/server/workspace";
import { originalOf, toOriginalSpan } from "@/lib/text/highlights";
import type { Layout } from "@/lib/validation/workspace";
import { AnnotationPopover, type AnnotationDraft, type PopoverTarget } from "./annotation-popover";
import { callApi, type ApiError } from "@/components/api-client";
import { ProgressBar } from "./progress-bar";
import { ShortcutSheet } from "./shortcut-sheet";
import { SidePanel } from "./side-panel";

export interface ViewVersion {
  id: string;
  lang: string;
  label: string;
  isSource: boolean;
  name: string;
  dir: "ltr" | "rtl";
  status: string;
  approval: Workspace["versions"][number]["approval"];
  progress: Workspace["versions"][number]["progress"];
}

type Editing = { segmentId: string; draft: string; baseRevision: number; conflict: { text: string; revision: number } | null };

/**
 * The review workspace: one row per position, the source pinned, the chosen
 * versions beside it. Reviewers select text to annotate, apply and reject
 * corrections, edit cells, mark them reviewed; everything works from the keyboard.
 */
export function ReviewWorkspace({ workspace, versions, canReject }: { workspace: Workspace; versions: ViewVersion[]; canReject: boolean }) {
  const t = useTranslations("workspace");
  const te = useTranslations("errors");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();

  const [shown, setShown] = useState<string[]>(workspace.shownVersionIds);
  const [layout, setLayout] = useState<Layout>(workspace.layout);
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 1 });
  const [popover, setPopover] = useState<PopoverTarget | null>(null);
  const [popoverError, setPopoverError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<{ versionId: string; position: number; annotationId: string | null } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [diffs, setDiffs] = useState<Set<string>>(new Set());
  const [help, setHelp] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const gridRef = useRef<HTMLDivElement>(null);
  const message = useCallback((error: ApiError) => (te.has(error.code) ? `${te(error.code)} ${error.message}` : error.message), [te]);

  const source = versions.find((v) => v.isSource);
  const columns = [source, ...shown.map((id) => versions.find((v) => v.id === id))].filter((v): v is ViewVersion => Boolean(v));
  const rows = workspace.positions;
  // The page comes with its first rows' cells (about a screenful); the rest of its rows are asked for
  // right after, and again after every refresh. Until they come, rows already shown keep their cells.
  const loadedRows = workspace.loadedRows;
  const serverColumns = [...versions.filter((v) => v.isSource).map((v) => v.id), ...workspace.shownVersionIds];
  const restKey = `${rows.slice(loadedRows).join(",")}|${serverColumns.join(",")}`;
  const [rest, setRest] = useState<{ key: string; cells: Workspace["cells"] } | null>(null);
  const restRequest = useRef(0);
  // The rows a refresh asked for at once, beside the page's own refresh (below).
  const refreshedRest = useRef<string | null>(null);
  const loadRest = useCallback(
    (positions: readonly number[], versionIds: readonly string[], key: string) => {
      const request = ++restRequest.current;
      const query = new URLSearchParams({ positions: positions.join(","), versions: versionIds.join(",") });
      void callApi<{ cells: Workspace["cells"] }>("GET", `/api/v1/articles/${workspace.article.slug}/rows?${query}`).then((result) => {
        if (request !== restRequest.current) return;
        if (result.ok) startTransition(() => setRest({ key, cells: result.data.cells }));
        else setAnnouncement(message(result.error));
      });
    },
    [workspace.article.slug, message],
  );
  useEffect(() => {
    if (loadedRows >= rows.length) return;
    // A refresh has already asked for these rows, as they are after the change.
    if (refreshedRest.current === restKey) {
      refreshedRest.current = null;
      return;
    }
    loadRest(rows.slice(loadedRows), serverColumns, restKey);
    // A new page, filter or refresh is a new `workspace`; the key and columns derive from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace]);
  const restShown = loadedRows >= rows.length || rest?.key === restKey;
  const renderedRows = restShown ? rows : rows.slice(0, loadedRows);
  const scrolledToHash = useRef(false);
  useEffect(() => {
    // A link to a row that came after the page (#pos-40) finds it once it is there.
    if (scrolledToHash.current || !/^#pos-\d+$/.test(window.location.hash)) return;
    const target = document.getElementById(window.location.hash.slice(1));
    if (target) {
      scrolledToHash.current = true;
      target.scrollIntoView();
    } else if (restShown) scrolledToHash.current = true;
  }, [restShown]);
  // A saved edit shows at once, until the page or its rows come back with that revision (its findings then too).
  const [savedTexts, setSavedTexts] = useState<Record<string, { text: string; revision: number }>>({});
  const cellOf = (versionId: string, position: number): WorkspaceCell | undefined => {
    const cell = workspace.cells[versionId]?.[position] ?? (restShown ? rest?.cells[versionId]?.[position] : undefined);
    const saved = cell ? savedTexts[cell.id] : undefined;
    if (!cell || !saved || saved.revision <= cell.revision) return cell;
    return { ...cell, originalText: originalOf(cell), text: saved.text, revision: saved.revision, findings: [] };
  };

  // After a change, the rows below the first ones are asked for at once rather than after the page's
  // refresh, so that a cell changed down there does not show its old text in between.
  const refresh = useCallback(() => {
    startTransition(() => router.refresh());
    if (loadedRows >= rows.length) return;
    refreshedRest.current = restKey;
    loadRest(rows.slice(loadedRows), serverColumns, restKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [router, loadRest, restKey]);

  function savePreferences(nextShown: string[], nextLayout: Layout) {
    void callApi("PUT", `/api/v1/articles/${workspace.article.slug}/preferences`, { versionIds: nextShown, layout: nextLayout }).then(refresh);
  }

  function toggleVersion(id: string) {
    const next = shown.includes(id) ? shown.filter((v) => v !== id) : versions.filter((v) => !v.isSource && (v.id === id || shown.includes(v.id))).map((v) => v.id);
    setShown(next);
    savePreferences(next, layout);
  }

  function switchLayout(next: Layout) {
    setLayout(next);
    savePreferences(shown, next);
  }

  function setQuery(changes: Record<string, string | null>) {
    const query = new URLSearchParams(search.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") query.delete(key);
      else query.set(key, value);
    }
    if (!("page" in changes)) query.delete("page");
    const qs = query.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  // ----- focus and keyboard -----
  const focusCell = useCallback((row: number, col: number) => {
    setFocus({ row, col });
    const element = gridRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    element?.focus();
    element?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, []);

  function openPopoverFor(versionId: string, position: number, isSource: boolean, element: HTMLElement | null) {
    const cell = cellOf(versionId, position);
    if (!cell || !element) return;
    const textBox = element.querySelector<HTMLElement>("[data-cell-text]");
    let start = 0;
    let end = 0;
    const selection = window.getSelection();
    if (textBox && selection && !selection.isCollapsed && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0);
      if (textBox.contains(range.startContainer) && textBox.contains(range.endContainer)) {
        const before = document.createRange();
        before.setStart(textBox, 0);
        before.setEnd(range.startContainer, range.startOffset);
        start = before.toString().length;
        end = start + range.toString().length;
      }
    }
    const rect = (selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0) : element).getBoundingClientRect();
    setPopoverError(null);
    // Beside the cell when there is room, so the marked text stays visible; else below or above the selection.
    const width = 430;
    const height = Math.min(600, window.innerHeight - 16);
    const cellRect = element.getBoundingClientRect();
    const top = Math.max(8, Math.min(rect.top - 40, window.innerHeight - height - 8));
    let anchor: { top: number; left: number };
    if (cellRect.right + 8 + width <= window.innerWidth) anchor = { top, left: cellRect.right + 8 };
    else if (cellRect.left - 8 - width >= 0) anchor = { top, left: cellRect.left - 8 - width };
    else if (rect.bottom + 6 + height <= window.innerHeight) anchor = { top: rect.bottom + 6, left: rect.left };
    else anchor = { top: Math.max(8, rect.top - 6 - height), left: rect.left };
    setPopover({ segmentId: cell.id, isSource, text: cell.text, start, end, anchor });
  }

  async function saveAnnotation(draft: AnnotationDraft) {
    if (!popover) return;
    const cell = findCell(popover.segmentId);
    if (!cell) return;
    const original = toOriginalSpan(originalOf(cell), cell.text, draft.start, draft.end);
    if (!original) {
      setPopoverError(t("editedSpan"));
      return;
    }
    setBusy(true);
    const result = await callApi<{ annotation: WorkspaceAnnotation }>("POST", `/api/v1/segments/${popover.segmentId}/annotations`, {
      start: original.start,
      end: original.end,
      quote: originalOf(cell).slice(original.start, original.end),
      category: draft.category,
      severity: draft.severity,
      note: draft.note || undefined,
      suggestion: popover.isSource ? undefined : draft.suggestion,
      targetVersionId: draft.targetVersionId,
      apply: draft.apply,
    });
    setBusy(false);
    if (!result.ok) {
      setPopoverError(message(result.error));
      return;
    }
    setPopover(null);
    setAnnouncement(draft.apply ? t("savedAndApplied") : t("saved"));
    refresh();
    gridRef.current?.querySelector<HTMLElement>(`[data-row="${focus.row}"][data-col="${focus.col}"]`)?.focus();
  }

  function findCell(segmentId: string): WorkspaceCell | undefined {
    for (const cells of [workspace.cells, restShown ? rest?.cells ?? {} : {}]) {
      for (const byPosition of Object.values(cells)) for (const cell of Object.values(byPosition)) if (cell.id === segmentId) return cell;
    }
    return undefined;
  }

  async function markReviewed(cell: WorkspaceCell, moveOn: boolean) {
    const result = await callApi("POST", `/api/v1/segments/${cell.id}/review-mark`, { reviewed: !cell.reviewedByMe });
    if (!result.ok) setAnnouncement(message(result.error));
    else setAnnouncement(cell.reviewedByMe ? t("unmarked") : t("marked"));
    refresh();
    if (moveOn && !cell.reviewedByMe && focus.row < rows.length - 1) focusCell(focus.row + 1, focus.col);
  }

  async function saveEdit(cell: WorkspaceCell) {
    if (!editing) return;
    setBusy(true);
    const result = await callApi<{ segment: { text: string; revision: number } }>("PUT", `/api/v1/segments/${cell.id}/text`, {
      text: editing.draft,
      baseRevision: editing.baseRevision,
    });
    setBusy(false);
    if (result.ok) {
      setSavedTexts((texts) => ({ ...texts, [cell.id]: result.data.segment }));
      setEditing(null);
      setAnnouncement(t("editSaved"));
      refresh();
    } else if (result.status === 409 && result.error.details?.current) {
      setEditing({ ...editing, conflict: result.error.details.current });
    } else {
      setAnnouncement(message(result.error));
    }
  }

  async function panelAction(action: { kind: "apply" | "reject"; annotationId: string } | { kind: "restore"; number: number }): Promise<string | null> {
    if (!panel) return null;
    const cell = cellOf(panel.versionId, panel.position);
    const result =
      action.kind === "restore"
        ? await callApi("POST", `/api/v1/segments/${cell?.id}/restore`, { number: action.number, baseRevision: cell?.revision })
        : await callApi("POST", `/api/v1/annotations/${action.annotationId}/${action.kind}`);
    refresh();
    if (!result.ok) return message(result.error);
    setAnnouncement(t(`done.${action.kind}`));
    return null;
  }

  function onGridKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (popover || editing || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest("input, textarea, select, button")) return;
    const { row, col } = focus;
    const column = columns[col];
    const cell = column ? cellOf(column.id, rows[row]) : undefined;
    const key = event.key;
    const move = (r: number, c: number) => {
      event.preventDefault();
      focusCell(Math.max(0, Math.min(rows.length - 1, r)), Math.max(0, Math.min(columns.length - 1, c)));
    };
    if (key === "ArrowDown" || key === "j") move(row + 1, col);
    else if (key === "ArrowUp" || key === "k") move(row - 1, col);
    else if (key === "ArrowRight" || key === "l") move(row, col + 1);
    else if (key === "ArrowLeft" || key === "h") move(row, col - 1);
    else if (key === "Home") move(0, col);
    else if (key === "End") move(rows.length - 1, col);
    else if ((key === "a" || key === "Enter") && column && cell) {
      event.preventDefault();
      openPopoverFor(column.id, rows[row], column.isSource, target.closest("[data-position]"));
    } else if (key === "r" && cell) {
      event.preventDefault();
      void markReviewed(cell, true);
    } else if (key === "e" && cell && column) {
      event.preventDefault();
      setEditing({ segmentId: cell.id, draft: cell.text, baseRevision: cell.revision, conflict: null });
    } else if (key === "d" && cell) {
      event.preventDefault();
      toggleDiff(cell.id);
    } else if ((key === "o" || key === "H") && cell && column) {
      event.preventDefault();
      setPanel({ versionId: column.id, position: rows[row], annotationId: null });
    } else if (key === "?") {
      event.preventDefault();
      setHelp(true);
    }
  }

  function toggleDiff(segmentId: string) {
    setDiffs((current) => {
      const next = new Set(current);
      if (next.has(segmentId)) next.delete(segmentId);
      else next.add(segmentId);
      return next;
    });
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !(event.target as HTMLElement).closest("input, textarea")) setHelp(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // ----- rendering -----
  function renderCell(version: ViewVersion, position: number, row: number, col: number, sticky: boolean) {
    const cell = cellOf(version.id, position);
    const focused = focus.row === row && focus.col === col;
    const common = {
      "data-version-id": version.id,
      "data-lang": version.lang,
      "data-position": position,
      "data-row": row,
      "data-col": col,
      tabIndex: focused ? 0 : -1,
      onFocus: () => setFocus({ row, col }),
    };
    const base = `grid-cell ${layout === "columns" ? "grid-cell-column" : ""} ${sticky && layout === "columns" ? "sticky left-12 z-10 bg-slate-50" : "bg-white"}`;
    if (!cell) {
      return (
        <Tag layout={layout} key={version.id} {...common} data-missing="true" aria-label={t("missingLabel", { position })} className={`${base} text-center text-xs italic text-slate-400`}>
          {t("missing")}
        </Tag>
      );
    }
    const isEditing = editing?.segmentId === cell.id;
    const showDiff = diffs.has(cell.id);
    const changed = cell.originalText !== undefined;
    return (
      <Tag
        layout={layout}
        key={version.id}
        {...common}
        data-segment-id={cell.id}
        data-kind={cell.kind}
        data-revision={cell.revision}
        data-reviewed={cell.reviewedByMe ? "true" : "false"}
        aria-label={t("cellLabel", { language: version.name, position })}
        className={`${base} ${cell.reviewedByMe ? "border-l-4 border-l-green-500" : ""}`}
      >
        {layout === "rows" ? <div className="mb-1 text-xs font-medium text-slate-500">{version.name} · {version.label}</div> : null}
        {isEditing ? (
          <CellEditor
            editing={editing!}
            lang={version.lang}
            busy={busy}
            onChange={(draft) => setEditing({ ...editing!, draft })}
            onSave={() => void saveEdit(cell)}
            onCancel={() => {
              setEditing(null);
              focusCell(row, col);
            }}
            onTakeTheirs={() => {
              setEditing(null);
              refresh();
            }}
            onKeepMine={() => setEditing({ ...editing!, baseRevision: editing!.conflict!.revision, conflict: null })}
          />
        ) : (
          <div
            data-cell-text=""
            lang={version.lang}
            dir={version.dir}
            className={`grid-cell-text ${cell.kind === "title" ? "text-base font-semibold" : cell.kind === "heading" ? "font-semibold" : cell.kind === "meta" ? "text-xs text-slate-500" : ""}`}
            onMouseUp={(event) => {
              const selection = window.getSelection();
              if (selection && !selection.isCollapsed && event.currentTarget.contains(selection.anchorNode)) {
                setFocus({ row, col });
                openPopoverFor(version.id, position, version.isSource, event.currentTarget.closest("[data-position]"));
              }
            }}
          >
            {showDiff ? (
              <WordDiffView before={originalOf(cell)} after={cell.text} lang={version.lang} label={t("diffLabel")} />
            ) : (
              <AnnotatedText
                originalText={originalOf(cell)}
                text={cell.text}
                revision={cell.revision}
                annotations={cell.annotations}
                findings={cell.findings}
                onOpen={(annotation) => setPanel({ versionId: version.id, position, annotationId: annotation.id })}
              />
            )}
          </div>
        )}
        {!isEditing ? (
          <div className="grid-cell-tools">
            <CellButton label={cell.reviewedByMe ? t("unmarkReviewed") : t("markReviewed")} pressed={cell.reviewedByMe} onClick={() => void markReviewed(cell, false)}>
              {cell.reviewedByMe ? "✓ " + t("reviewed") : t("review")}
            </CellButton>
            <CellButton label={t("diffToggle")} pressed={showDiff} onClick={() => toggleDiff(cell.id)} disabled={!changed}>
              {t("diff")}
            </CellButton>
            <CellButton label={t("edit")} onClick={() => setEditing({ segmentId: cell.id, draft: cell.text, baseRevision: cell.revision, conflict: null })}>
              {t("edit")}
            </CellButton>
            <CellButton label={t("details")} onClick={() => setPanel({ versionId: version.id, position, annotationId: null })}>
              {t("historyShort", { count: cell.annotations.length })}
            </CellButton>
          </div>
        ) : null}
      </Tag>
    );
  }

  const panelCell = panel ? cellOf(panel.versionId, panel.position) : undefined;
  const panelVersion = panel ? versions.find((v) => v.id === panel.versionId) : undefined;
  const targets = versions.filter((v) => !v.isSource);

  return (
    <div className={pending ? "cursor-progress" : ""}>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="mb-3 flex flex-wrap items-start gap-3">
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 bg-white px-3 py-2">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("pickVersions")}</legend>
          {targets.map((version) => (
            <label key={version.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={shown.includes(version.id)} onChange={() => toggleVersion(version.id)} />
              {t("toggleVersion", { language: version.name, label: version.label })}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex items-center gap-3 rounded border border-slate-200 bg-white px-3 py-2 text-sm">
          <legend className="px-1 font-medium text-slate-700">{t("layout")}</legend>
          {(["columns", "rows"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1">
              <input type="radio" name="layout" checked={layout === value} onChange={() => switchLayout(value)} />
              {t(`layouts.${value}`)}
            </label>
          ))}
        </fieldset>
        <form
          role="search"
          className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white px-3 py-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            setQuery({ q: String(data.get("q") ?? "") });
          }}
        >
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={workspace.query.open} onChange={(e) => setQuery({ open: e.target.checked ? "1" : null })} />
            {t("filters.open")}
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={workspace.query.unreviewed} onChange={(e) => setQuery({ unreviewed: e.target.checked ? "1" : null })} />
            {t("filters.unreviewed")}
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={workspace.query.findings} onChange={(e) => setQuery({ findings: e.target.checked ? "1" : null })} />
            {t("filters.findings")}
          </label>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t("filters.search")}</span>
            <input type="search" name="q" defaultValue={workspace.query.q} placeholder={t("filters.searchPlaceholder")} className="w-48 rounded border border-slate-300 px-2 py-0.5" />
          </label>
          <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
            {t("filters.apply")}
          </button>
        </form>
        <button type="button" onClick={() => setHelp(true)} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100" aria-keyshortcuts="?">
          {t("shortcuts")}
        </button>
      </div>

      <p className="mb-2 text-xs text-slate-500">
        {t("matching", { count: workspace.matchingCount })} · {t("pageOf", { page: workspace.query.page, pages: workspace.pageCount })}
      </p>
      {rows.length === 0 ? <p className="mb-2 text-sm text-slate-600">{t("noRows")}</p> : null}

      <div
        ref={gridRef}
        role="grid"
        aria-label={t("gridLabel")}
        aria-rowcount={rows.length}
        aria-busy={!restShown}
        onKeyDown={onGridKeyDown}
        className="max-h-[calc(100vh-15rem)] overflow-auto rounded border border-slate-200"
      >
        {layout === "columns" ? (
          <table role="presentation" className="border-separate border-spacing-0 text-sm">
            <thead>
              <tr>
                <th className="sticky left-0 top-0 z-30 w-12 min-w-12 border-b border-slate-200 bg-slate-100 px-2 py-2 text-right">{t("position")}</th>
                {columns.map((version) => (
                  <th
                    key={version.id}
                    data-version-id={version.id}
                    data-lang={version.lang}
                    className={`top-0 border-b border-l border-slate-200 bg-slate-100 px-3 py-2 text-left align-top font-medium ${version.isSource ? "sticky left-12 z-30" : "sticky z-20"}`}
                  >
                    {version.name} <span className="font-normal text-slate-500">· {version.label}</span>
                    {version.isSource ? <span className="ml-2 rounded bg-slate-800 px-1.5 text-xs text-white">{t("sourceBadge")}</span> : null}
                    <ProgressBar progress={version.progress} name={version.name} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {renderedRows.map((position, row) => (
                <tr key={position} id={`pos-${position}`} role="row" data-position={position}>
                  <th scope="row" aria-label={t("positionLabel", { position })} className="sticky left-0 z-10 w-12 min-w-12 border-b border-slate-200 bg-slate-100 px-2 py-2 text-right align-top font-normal tabular-nums text-slate-500">
                    {position}
                  </th>
                  {columns.map((version, col) => renderCell(version, position, row, col, version.isSource))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="divide-y divide-slate-200">
            {renderedRows.map((position, row) => (
              <section key={position} id={`pos-${position}`} role="row" data-position={position} aria-label={t("positionLabel", { position })} className="grid gap-0 bg-slate-50 p-2">
                <h3 className="px-1 text-xs font-semibold text-slate-500">{t("positionLabel", { position })}</h3>
                {columns.map((version, col) => renderCell(version, position, row, col, false))}
              </section>
            ))}
          </div>
        )}
      </div>

      {workspace.pageCount > 1 ? (
        <nav aria-label={t("pages")} className="mt-3 flex items-center gap-2 text-sm">
          <button type="button" disabled={workspace.query.page <= 1} onClick={() => setQuery({ page: String(workspace.query.page - 1) })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
            {t("previousPage")}
          </button>
          <span>{t("pageOf", { page: workspace.query.page, pages: workspace.pageCount })}</span>
          <button type="button" disabled={workspace.query.page >= workspace.pageCount} onClick={() => setQuery({ page: String(workspace.query.page + 1) })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
            {t("nextPage")}
          </button>
        </nav>
      ) : null}

      {popover ? (
        <AnnotationPopover
          key={`${popover.segmentId}-${popover.start}-${popover.end}`}
          target={popover}
          omissionTargets={columns.filter((v) => !v.isSource).map((v) => ({ id: v.id, name: `${v.name} (${v.label})` }))}
          error={popoverError}
          busy={busy}
          onSave={(draft) => void saveAnnotation(draft)}
          onCancel={() => {
            setPopover(null);
            focusCell(focus.row, focus.col);
          }}
        />
      ) : null}
      {panel && panelCell && panelVersion ? (
        <SidePanel
          cell={panelCell}
          lang={panelVersion.lang}
          versionName={panelVersion.name}
          focusAnnotationId={panel.annotationId}
          canReject={canReject}
          onAction={panelAction}
          onClose={() => {
            setPanel(null);
            focusCell(focus.row, focus.col);
          }}
        />
      ) : null}
      {help ? <ShortcutSheet onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

/** A grid cell: <td> in the columns layout, a block in the rows layout. */
function Tag({ layout, children, ...props }: { layout: Layout; children: React.ReactNode } & React.HTMLAttributes<HTMLElement> & Record<string, unknown>) {
  return layout === "columns" ? (
    <td role="gridcell" {...props}>
      {children}
    </td>
  ) : (
    <div role="gridcell" {...props}>
      {children}
    </div>
  );
}

function CellButton({ label, pressed, disabled, onClick, children }: { label: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={`grid-cell-button ${pressed ? "grid-cell-button-on" : "grid-cell-button-off"}`}
    >
      {children}
    </button>
  );
}

function CellEditor({
  editing,
  lang,
  busy,
  onChange,
  onSave,
  onCancel,
  onTakeTheirs,
  onKeepMine,
}: {
  editing: Editing;
  lang: string;
  busy: boolean;
  onChange: (draft: string) => void;
  onSave: () => void;
  onCancel: () => void;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("workspace");
  return (
    <div
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSave();
        }
      }}
    >
      {editing.conflict ? (
        <div role="alert" className="mb-2 rounded border border-amber-400 bg-amber-50 p-2 text-xs">
          <p className="font-semibold">{t("conflict.title")}</p>
          <p className="mt-1 text-slate-700">{t("conflict.explain", { revision: editing.conflict.revision })}</p>
          <p className="mt-1 font-medium">{t("conflict.theirs")}</p>
          <p lang={lang} data-conflict="theirs" className="whitespace-pre-wrap rounded bg-white p-1">
            {editing.conflict.text}
          </p>
          <p className="mt-1 font-medium">{t("conflict.diff")}</p>
          <p lang={lang} className="whitespace-pre-wrap rounded bg-white p-1">
            <WordDiffView before={editing.conflict.text} after={editing.draft} lang={lang} label={t("conflict.diff")} />
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={onTakeTheirs} className="rounded border border-slate-300 bg-white px-2 py-0.5">
              {t("conflict.takeTheirs")}
            </button>
            <button type="button" onClick={onKeepMine} className="rounded bg-amber-600 px-2 py-0.5 text-white">
              {t("conflict.keepMine")}
            </button>
          </div>
        </div>
      ) : null}
      <label>
        <span className="sr-only">{t("editLabel")}</span>
        <textarea
          autoFocus
          lang={lang}
          value={editing.draft}
          onChange={(e) => onChange(e.target.value)}
          rows={Math.min(12, Math.max(3, Math.ceil(editing.draft.length / 60)))}
          className="w-full rounded border border-blue-600 px-2 py-1"
        />
      </label>
      <div className="mt-1 flex gap-2 text-xs">
        <button type="button" disabled={busy || Boolean(editing.conflict)} onClick={onSave} className="rounded bg-blue-700 px-2 py-0.5 text-white disabled:opacity-50">
          {t("saveEdit")}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-2 py-0.5">
          {t("cancelEdit")}
        </button>
      </div>
    </div>
  );
}
