"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "@/i18n/navigation";
import { createTerm, updateTerm, type GlossaryProblem, type TermPayload } from "./glossary-api";
import { ProblemMessage } from "./problem-message";

export interface EditableTerm {
  id: string;
  lang: string;
  canonical: string;
  variants: string[];
  note: string | null;
  articleSlug: string | null;
}

export interface ScopeOption {
  slug: string;
  title: string;
}

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-normal aria-[invalid=true]:border-red-600";

function payloadOf(form: HTMLFormElement): TermPayload {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    lang: text("lang"),
    canonical: text("canonical"),
    variants: text("variants")
      .split(/\r?\n/)
      .map((variant) => variant.trim())
      .filter(Boolean),
    note: text("note"),
    articleSlug: text("articleSlug"),
  };
}

/**
 * The fields of one glossary term, for adding (no `term`) or editing. Variants
 * are typed one per line. On success the page data is refreshed.
 */
export function TermForm({
  term,
  scopes,
  languages,
  onSaved,
  onCancel,
}: {
  term?: EditableTerm;
  scopes: ScopeOption[];
  languages: string[];
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("glossary.form");
  const router = useRouter();
  const id = useId();
  const [problem, setProblem] = useState<GlossaryProblem | null>(null);
  const [added, setAdded] = useState<{ canonical: string; lang: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const payload = payloadOf(form);
    setAdded(null);
    startTransition(async () => {
      const result = term ? await updateTerm(term.id, payload) : await createTerm(payload);
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      setProblem(null);
      if (!term) {
        form.reset();
        setAdded({ canonical: payload.canonical.trim(), lang: payload.lang.trim() });
      }
      router.refresh();
      onSaved?.();
    });
  }

  const errorId = `${id}-error`;
  const invalid = (field: string) => (problem?.field === field ? { "aria-invalid": true, "aria-describedby": errorId } : {});
  return (
    <form onSubmit={submit} className="space-y-3" data-term-form={term ? "edit" : "add"}>
      <label className="block text-sm font-medium">
        {t("lang")}
        <input
          name="lang"
          required
          // The edit dialog mounts its form after opening, so the first field takes the focus itself.
          autoFocus={Boolean(term)}
          maxLength={35}
          list={`${id}-languages`}
          autoComplete="off"
          spellCheck={false}
          defaultValue={term?.lang}
          aria-describedby={`${id}-lang-hint`}
          className={input}
          {...invalid("lang")}
        />
        <span id={`${id}-lang-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          {t("langHint")}
        </span>
        <datalist id={`${id}-languages`}>
          {languages.map((lang) => (
            <option key={lang} value={lang} />
          ))}
        </datalist>
      </label>
      <label className="block text-sm font-medium">
        {t("canonical")}
        <input name="canonical" required autoComplete="off" defaultValue={term?.canonical} className={input} {...invalid("canonical")} />
      </label>
      <label className="block text-sm font-medium">
        {t("variants")}
        <textarea
          name="variants"
          rows={3}
          defaultValue={term?.variants.join("\n")}
          aria-describedby={`${id}-variants-hint`}
          className={input}
          {...invalid("variants")}
        />
        <span id={`${id}-variants-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          {t("variantsHint")}
        </span>
      </label>
      <label className="block text-sm font-medium">
        {t("note")}
        <textarea name="note" rows={2} defaultValue={term?.note ?? ""} className={input} {...invalid("note")} />
      </label>
      <label className="block text-sm font-medium">
        {t("scope")}
        <select name="articleSlug" defaultValue={term?.articleSlug ?? ""} className={input} {...invalid("articleSlug")}>
          <option value="">{t("globalScope")}</option>
          {scopes.map((scope) => (
            <option key={scope.slug} value={scope.slug}>
              {scope.title}
            </option>
          ))}
        </select>
      </label>
      <ProblemMessage id={errorId} problem={problem} />
      {added ? (
        <p role="status" className="text-sm text-green-800">
          {t("added", added)}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {t("cancel")}
          </button>
        ) : null}
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {term ? (pending ? t("saving") : t("save")) : pending ? t("adding") : t("add")}
        </button>
      </div>
    </form>
  );
}
