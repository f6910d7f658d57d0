"use client";

import { useTranslations } from "next-intl";
import type { GlossaryProblem } from "./glossary-api";

/** A refusal announced as an alert: "glossary.csv, line 7, field “lang”: Not a BCP-47 language tag." */
export function ProblemMessage({ problem, id }: { problem: GlossaryProblem | null; id?: string }) {
  const t = useTranslations();
  if (!problem) return null;
  return (
    <p id={id} role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm break-words text-red-800">
      {problem.at ? <strong className="font-semibold">{t(problem.at.key, problem.at.values)} </strong> : null}
      {t(problem.message.key, problem.message.values)}
    </p>
  );
}
