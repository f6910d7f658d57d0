"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { useRouter } from "@/i18n/navigation";
import { deleteTerm, type GlossaryProblem } from "./glossary-api";
import { ProblemMessage } from "./problem-message";
import { TermForm, type EditableTerm, type ScopeOption } from "./term-form";

/** Edit (in a modal dialog) and delete (after confirmation) for one glossary row. */
export function TermRowActions({ term, scopes, languages }: { term: EditableTerm; scopes: ScopeOption[]; languages: string[] }) {
  const t = useTranslations("glossary.row");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The form mounts on first opening (a long glossary stays light); a new key re-mounts it, so reopening starts from the saved term.
  const [openCount, setOpenCount] = useState(0);
  const [problem, setProblem] = useState<GlossaryProblem | null>(null);
  const [pending, startTransition] = useTransition();
  const names = { canonical: term.canonical, lang: term.lang };

  function open() {
    setOpenCount((count) => count + 1);
    dialog.current?.showModal();
  }

  function remove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await deleteTerm(term.id);
      if (!result.ok) return setProblem(result.problem);
      setProblem(null);
      router.refresh();
    });
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={open}
          aria-haspopup="dialog"
          aria-label={t("editTerm", names)}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
        >
          {t("edit")}
        </button>
        <form onSubmit={remove}>
          <ConfirmDialog
            label={t("delete")}
            accessibleName={t("deleteTerm", names)}
            title={t("deleteTitle", names)}
            body={t("deleteBody")}
            confirmLabel={t("delete")}
            cancelLabel={t("cancel")}
            disabled={pending}
          />
        </form>
      </div>
      <ProblemMessage problem={problem} />
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={titleId} className="mb-3 text-lg font-semibold break-words">
          {t("editTitle", names)}
        </h2>
        {openCount > 0 ? (
          <TermForm
            key={openCount}
            term={term}
            scopes={scopes}
            languages={languages}
            onSaved={() => dialog.current?.close()}
            onCancel={() => dialog.current?.close()}
          />
        ) : null}
      </dialog>
    </div>
  );
}
