"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { filterCategories, isMarkedOnSource, SEVERITIES, type Severity } from "@/lib/mqm/taxonomy";

export interface PopoverTarget {
  segmentId: string;
  isSource: boolean;
  /** The cell's current text and where the selection sits in it. */
  text: string;
  start: number;
  end: number;
  anchor: { top: number; left: number };
}

export interface OmissionTarget {
  id: string;
  name: string;
}

export interface AnnotationDraft {
  quote: string;
  start: number;
  end: number;
  category: string;
  severity: Severity;
  note: string;
  suggestion: string;
  apply: boolean;
  /** For omissions on the source: the version that omits the span. */
  targetVersionId?: string;
}

const SEVERITY_KEYS: Record<string, Severity> = { M: "major", m: "minor", n: "neutral" };

/**
 * The annotation popover: the text to mark (prefilled with the selection),
 * the MQM category tree with type-to-filter, severity (keys M, m, n), note
 * and suggestion. Enter saves, Esc cancels.
 */
export function AnnotationPopover({
  target,
  omissionTargets,
  error,
  busy,
  onSave,
  onCancel,
}: {
  target: PopoverTarget;
  omissionTargets: OmissionTarget[];
  error: string | null;
  busy: boolean;
  onSave: (draft: AnnotationDraft) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("annotate");
  const tc = useTranslations("categories");
  const ids = useId();
  const initialQuote = target.text.slice(target.start, target.end);
  const [quote, setQuote] = useState(initialQuote);
  const [filter, setFilter] = useState(target.isSource ? "omission" : "");
  const [category, setCategory] = useState(target.isSource ? "Accuracy/Omission" : "Accuracy/Mistranslation");
  const [severity, setSeverity] = useState<Severity>("minor");
  const [note, setNote] = useState("");
  const [suggestion, setSuggestion] = useState(initialQuote);
  const [omittedIn, setOmittedIn] = useState(omissionTargets[0]?.id ?? "");
  const quoteRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const options = useMemo(
    () => filterCategories(filter).filter((path) => isMarkedOnSource(path) === target.isSource || path === "Other"),
    [filter, target.isSource],
  );
  const chosen = options.includes(category) ? category : options[0] ?? category;

  useEffect(() => {
    (initialQuote ? filterRef : quoteRef).current?.focus();
  }, [initialQuote]);

  // The span: the selection while the quote is unchanged, else the first occurrence of what was typed.
  const span = useMemo(() => {
    if (quote === initialQuote && quote) return { start: target.start, end: target.end };
    const at = quote ? target.text.indexOf(quote) : -1;
    return at >= 0 ? { start: at, end: at + quote.length } : null;
  }, [quote, initialQuote, target]);

  function save(apply: boolean) {
    if (!span || busy) return;
    onSave({
      quote,
      start: span.start,
      end: span.end,
      category: chosen,
      severity,
      note,
      suggestion,
      apply: apply && !target.isSource,
      targetVersionId: target.isSource && omittedIn ? omittedIn : undefined,
    });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const field = event.target as HTMLElement;
    const typing = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === "text");
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !(field instanceof HTMLTextAreaElement && !event.ctrlKey && !event.metaKey) && !(field instanceof HTMLButtonElement)) {
      event.preventDefault();
      save(event.shiftKey);
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && SEVERITY_KEYS[event.key]) {
      event.preventDefault();
      setSeverity(SEVERITY_KEYS[event.key]);
    }
  }

  function onFilterKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const index = options.indexOf(chosen);
    const next = options[Math.min(options.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)))];
    if (next) setCategory(next);
  }

  const depth = (path: string) => path.split("/").length - 1;
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-label={t("title")}
      onKeyDown={onKeyDown}
      className="fixed z-50 max-h-[calc(100vh-1rem)] w-[26rem] max-w-[95vw] overflow-auto rounded-lg border border-slate-300 bg-white p-3 text-sm shadow-xl"
      style={{ top: target.anchor.top, left: Math.max(8, Math.min(target.anchor.left, window.innerWidth - 430)) }}
    >
      <h2 className="mb-2 font-semibold">{t("title")}</h2>
      <label className="block">
        <span className="text-xs text-slate-600">{t("quote")}</span>
        <input ref={quoteRef} type="text" value={quote} onChange={(e) => setQuote(e.target.value)} className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      {!span && quote ? <p className="mt-1 text-xs text-red-700">{t("quoteNotFound")}</p> : null}

      <label className="mt-2 block">
        <span className="text-xs text-slate-600">{t("category")}</span>
        <input
          ref={filterRef}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-categories`}
          aria-activedescendant={`${ids}-${options.indexOf(chosen)}`}
          value={filter}
          placeholder={t("filterPlaceholder")}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={onFilterKeyDown}
          className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <ul id={`${ids}-categories`} role="listbox" aria-label={t("category")} className="mt-1 max-h-40 overflow-auto rounded border border-slate-200">
        {options.map((path, index) => (
          <li
            key={path}
            id={`${ids}-${index}`}
            role="option"
            aria-selected={path === chosen}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setCategory(path)}
            style={{ paddingLeft: `${0.5 + depth(path) * 1}rem` }}
            className={`cursor-pointer py-0.5 pr-2 ${path === chosen ? "bg-blue-700 text-white" : "hover:bg-slate-100"}`}
          >
            {tc.has(path) ? tc(path) : path.split("/").at(-1)}
          </li>
        ))}
        {options.length === 0 ? <li className="px-2 py-1 text-slate-500">{t("noCategory")}</li> : null}
      </ul>

      <fieldset className="mt-2">
        <legend className="text-xs text-slate-600">{t("severity")}</legend>
        <div className="mt-0.5 flex gap-3">
          {SEVERITIES.map((value) => (
            <label key={value} className="flex items-center gap-1">
              <input type="radio" name={`${ids}-severity`} value={value} checked={severity === value} onChange={() => setSeverity(value)} />
              {t(`severities.${value}`)}
              <kbd className="rounded border border-slate-300 px-1 text-[10px] text-slate-500">{value === "major" ? "M" : value === "minor" ? "m" : "n"}</kbd>
            </label>
          ))}
        </div>
      </fieldset>

      <label className="mt-2 block">
        <span className="text-xs text-slate-600">{t("note")}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      {target.isSource && omissionTargets.length > 0 ? (
        <label className="mt-2 block">
          <span className="text-xs text-slate-600">{t("omittedIn")}</span>
          <select value={omittedIn} onChange={(e) => setOmittedIn(e.target.value)} className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1">
            {omissionTargets.map((version) => (
              <option key={version.id} value={version.id}>
                {version.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {!target.isSource ? (
        <label className="mt-2 block">
          <span className="text-xs text-slate-600">{t("suggestion")}</span>
          <input type="text" value={suggestion} onChange={(e) => setSuggestion(e.target.value)} className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1" />
        </label>
      ) : null}

      {error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {t("cancel")}
        </button>
        <button type="button" disabled={!span || busy} onClick={() => save(false)} className="rounded border border-blue-700 px-3 py-1 text-blue-800 hover:bg-blue-50 disabled:opacity-50">
          {t("save")}
        </button>
        {!target.isSource ? (
          <button type="button" disabled={!span || busy} onClick={() => save(true)} className="rounded bg-blue-700 px-3 py-1 text-white hover:bg-blue-800 disabled:opacity-50">
            {t("saveAndApply")}
          </button>
        ) : null}
      </div>
      <p className="mt-2 text-[11px] text-slate-500">{t("keysHint")}</p>
    </div>
  );
}
