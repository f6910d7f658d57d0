"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/components/api-client";
import { languageName, textDirection } from "@/components/language-name";
import type { FixConflict, FixEverywhereResult, FoundOccurrence } from "@/lib/server/fix-everywhere";

// The revision is part of the key: after a reload, a tick never carries over to text that changed.
const keyOf = (o: { segmentId: string; start: number; revision: number }) => `${o.segmentId}:${o.start}:${o.revision}`;

interface Group {
  key: string;
  title: string;
  lang: string;
  occurrences: FoundOccurrence[];
}

function groupByVersion(occurrences: FoundOccurrence[], currentSlug: string, name: (lang: string) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const o of occurrences) {
    const key = `${o.articleSlug}/${o.versionId}`;
    const version = `${name(o.lang)} (${o.lang}) · ${o.label}`;
    if (!groups.has(key)) groups.set(key, { key, title: o.articleSlug === currentSlug ? version : `${o.articleTitle} — ${version}`, lang: o.lang, occurrences: [] });
    groups.get(key)!.occurrences.push(o);
  }
  return [...groups.values()];
}

/**
 * "Fix everywhere": lists every whole-word occurrence of a wrong form with its
 * context, lets the user tick the ones that really are wrong and replaces them
 * in one request. Nothing is ticked in advance except the span of the
 * annotation it was opened from, the one place a person already judged.
 * Opened from an annotation (side panel) or from a glossary term.
 */
export function FixEverywhereDialog({
  open,
  from,
  to,
  articleSlug,
  sourceAnnotationId,
  category,
  severity,
  onClose,
  onApplied,
}: {
  open: boolean;
  from: string;
  to: string;
  articleSlug: string;
  sourceAnnotationId?: string;
  category?: string;
  severity?: string;
  onClose: () => void;
  onApplied?: (count: number) => void;
}) {
  const t = useTranslations("fixEverywhere");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [allArticles, setAllArticles] = useState(false);
  const [list, setList] = useState<{ occurrences: FoundOccurrence[]; truncated: boolean } | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<FixConflict[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (everywhere: boolean) => {
      setList(null);
      setError(null);
      const query = new URLSearchParams({ article: articleSlug, from });
      if (everywhere) query.set("allArticles", "1");
      if (sourceAnnotationId) query.set("annotation", sourceAnnotationId);
      const result = await callApi<{ occurrences: FoundOccurrence[]; truncated: boolean }>("GET", `/api/v1/fix-everywhere/occurrences?${query}`);
      if (!result.ok) {
        setError(te.has(result.error.code) ? `${te(result.error.code)} ${result.error.message}` : result.error.message);
        return;
      }
      setList(result.data);
      const present = new Set(result.data.occurrences.map(keyOf));
      setTicked((previous) => new Set([...[...previous].filter((k) => present.has(k)), ...result.data.occurrences.filter((o) => o.sourceAnnotation).map(keyOf)]));
    },
    [articleSlug, from, sourceAnnotationId, te],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setConflicts([]);
      setTicked(new Set());
      void load(allArticles);
    } else if (!open && element.open) {
      element.close();
    }
    // Loading follows `open` only; the checkbox reloads itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const occurrences = list?.occurrences ?? [];
  const groups = groupByVersion(occurrences, articleSlug, (lang) => languageName(lang, locale));
  const count = occurrences.filter((o) => ticked.has(keyOf(o))).length;
  const conflicted = new Set(conflicts.map((c) => `${c.segmentId}:${c.start}:${c.baseRevision}`));

  function toggle(keys: string[], on: boolean) {
    setTicked((previous) => {
      const next = new Set(previous);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }

  async function apply() {
    const chosen = occurrences.filter((o) => ticked.has(keyOf(o)));
    if (chosen.length === 0) return;
    setBusy(true);
    setError(null);
    setConflicts([]);
    const result = await callApi<FixEverywhereResult>("POST", "/api/v1/fix-everywhere", {
      from,
      to,
      occurrences: chosen.map((o) => ({ segmentId: o.segmentId, start: o.start, end: o.end, baseRevision: o.revision })),
      ...(category ? { category } : {}),
      ...(severity ? { severity } : {}),
      ...(sourceAnnotationId ? { sourceAnnotationId } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const conflicts = result.error.details?.conflicts as FixConflict[] | undefined;
      if (result.error.code === "conflict" && conflicts) setConflicts(conflicts);
      else setError(te.has(result.error.code) ? `${te(result.error.code)} ${result.error.message}` : result.error.message);
      return;
    }
    router.refresh();
    onApplied?.(result.data.applied.length);
    onClose();
  }

  const versionOf = (c: FixConflict) => `${languageName(c.lang, locale)} · ${c.label}`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // Esc belongs to this dialog; the side panel behind it must not see it.
        if (event.key === "Escape") event.stopPropagation();
      }}
      className="m-auto w-[52rem] max-w-[95vw] rounded-lg p-0 shadow-xl backdrop:bg-black/30"
      data-testid="fix-everywhere"
    >
      <div className="flex max-h-[85vh] flex-col gap-3 p-4 text-sm">
        <h2 id={titleId} className="text-lg font-semibold">
          {t("title", { from, to })}
        </h2>
        <p className="text-slate-700">{t("intro", { from, to })}</p>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={allArticles}
            onChange={(event) => {
              setAllArticles(event.target.checked);
              setConflicts([]);
              void load(event.target.checked);
            }}
          />
          {t("allArticles")}
        </label>

        <div className="min-h-24 overflow-auto rounded border border-slate-200" aria-busy={list === null && !error}>
          {list === null && !error ? <p className="p-3 text-slate-600">{t("loading")}</p> : null}
          {list !== null && occurrences.length === 0 ? <p className="p-3 text-slate-600">{t("none", { from })}</p> : null}
          {groups.map((group) => {
            const keys = group.occurrences.map(keyOf);
            const on = keys.filter((k) => ticked.has(k)).length;
            return (
              <fieldset key={group.key} className="border-b border-slate-200 last:border-b-0" data-fix-group={group.key}>
                <legend className="sr-only">{group.title}</legend>
                <div className="sticky top-0 flex items-center justify-between gap-2 bg-slate-50 px-3 py-1.5">
                  <span className="font-medium" aria-hidden="true">
                    {group.title} <span className="font-normal text-slate-500">· {t("count", { count: group.occurrences.length })}</span>
                  </span>
                  <label className="flex items-center gap-1 text-xs">
                    <input
                      type="checkbox"
                      checked={on === keys.length}
                      ref={(input) => {
                        if (input) input.indeterminate = on > 0 && on < keys.length;
                      }}
                      onChange={(event) => toggle(keys, event.target.checked)}
                      aria-label={t("selectAllIn", { version: group.title })}
                    />
                    <span aria-hidden="true">{t("selectAll")}</span>
                  </label>
                </div>
                <ul>
                  {group.occurrences.map((o) => {
                    const key = keyOf(o);
                    const context = `${o.context.truncatedBefore ? "…" : ""}${o.context.before}${o.context.match}${o.context.after}${o.context.truncatedAfter ? "…" : ""}`;
                    const conflict = conflicted.has(key);
                    return (
                      <li key={key} className={`border-t border-slate-100 px-3 py-1.5 ${conflict ? "bg-red-50" : ""}`} data-segment-id={o.segmentId} data-start={o.start} data-conflict={conflict || undefined}>
                        <label className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            className="mt-1"
                            checked={ticked.has(key)}
                            onChange={(event) => toggle([key], event.target.checked)}
                            aria-label={t("occurrenceLabel", { position: o.position, version: group.title, context })}
                          />
                          <span className="w-12 shrink-0 tabular-nums text-slate-500">{t("position", { position: o.position })}</span>
                          <span lang={o.lang} dir={textDirection(o.lang)} className="whitespace-pre-wrap break-words">
                            {o.context.truncatedBefore ? "…" : ""}
                            {o.context.before}
                            <mark className="rounded bg-amber-200 px-0.5 font-semibold">{o.context.match}</mark>
                            {o.context.after}
                            {o.context.truncatedAfter ? "…" : ""}
                          </span>
                          {o.sourceAnnotation ? <span className="ml-auto shrink-0 rounded bg-blue-50 px-1 text-xs text-blue-900">{t("thisAnnotation")}</span> : null}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            );
          })}
        </div>
        {list?.truncated ? <p className="text-amber-900">{t("truncated", { count: occurrences.length })}</p> : null}

        {conflicts.length > 0 ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
            <p className="font-medium">{t("conflictTitle")}</p>
            <ul className="ml-4 list-disc">
              {conflicts.map((c) => (
                <li key={`${c.segmentId}:${c.start}`}>
                  {c.reason === "revision"
                    ? t("conflictRevision", { version: versionOf(c), position: c.position, current: c.current.revision, base: c.baseRevision })
                    : t("conflictText", { version: versionOf(c), position: c.position, from })}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void load(allArticles).then(() => setConflicts([]))} className="mt-2 rounded border border-red-700 px-2 py-0.5 hover:bg-red-100">
              {t("reload")}
            </button>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}

        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
            {t("cancel")}
          </button>
          <button type="button" disabled={busy || count === 0} onClick={() => void apply()} className="rounded bg-blue-700 px-3 py-1 text-white disabled:opacity-50">
            {busy ? t("applying") : t("apply", { count })}
          </button>
        </div>
      </div>
    </dialog>
  );
}
