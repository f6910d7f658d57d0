"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "@/i18n/navigation";
import { importCsv, type GlossaryProblem, type ImportSummary } from "./glossary-api";
import { ProblemMessage } from "./problem-message";

/** Uploads a glossary CSV file; a refusal names the file, line and field, and nothing is imported. */
export function ImportForm() {
  const t = useTranslations("glossary.import");
  const router = useRouter();
  const id = useId();
  const [problem, setProblem] = useState<GlossaryProblem | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    setSummary(null);
    if (!(file instanceof File) || file.name === "") {
      setProblem({ message: { key: "glossary.import.noFile" }, field: "file" });
      return;
    }
    startTransition(async () => {
      const result = await importCsv(file, data.get("replace") === "on");
      if (!result.ok) return setProblem(result.problem);
      setProblem(null);
      setSummary(result.data);
      form.reset();
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p id={`${id}-hint`} className="mb-3 text-xs text-slate-600">
        {t.rich("hint", { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
      </p>
      <form onSubmit={submit} className="space-y-3">
        <label className="block text-sm font-medium">
          {t("file")}
          <input
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={problem ? `${id}-error ${id}-hint` : `${id}-hint`}
            aria-invalid={problem ? true : undefined}
            className="mt-1 block w-full text-sm font-normal file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 file:text-sm"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input name="replace" type="checkbox" className="h-4 w-4" />
          {t("replace")}
        </label>
        <ProblemMessage id={`${id}-error`} problem={problem} />
        {summary ? (
          <p role="status" className="text-sm text-green-800">
            {t("done", { ...summary })}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </section>
  );
}
