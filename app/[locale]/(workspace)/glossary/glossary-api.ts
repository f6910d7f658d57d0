// Browser-side calls to /api/v1/glossary, and the one place where their errors become glossary messages.
import type { Message } from "../admin/form-state";

export interface TermPayload {
  lang: string;
  canonical: string;
  variants: string[];
  note: string;
  articleSlug: string;
}

interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A refusal as the UI shows it: where in the file (if anywhere), what is wrong, and which form field to mark. */
export interface GlossaryProblem {
  at?: Message;
  message: Message;
  field?: string;
}

export type GlossaryResult<T> = { ok: true; data: T } | { ok: false; problem: GlossaryProblem };

const REASONS = new Set([
  "invalidLang",
  "invalidSlug",
  "required",
  "tooLong",
  "tooManyVariants",
  "variantSeparator",
  "invalid",
  "unknownArticle",
  "exists",
  "duplicateInFile",
  "header",
  "fieldCount",
  "quote",
  "notUtf8",
  "termNotFound",
]);

function problemOf(error: ApiError): GlossaryProblem {
  const details = error.details ?? {};
  const text = (name: string) => (typeof details[name] === "string" ? (details[name] as string) : undefined);
  const number = (name: string) => (typeof details[name] === "number" ? (details[name] as number) : undefined);
  const file = text("file");
  const line = number("line");
  const field = text("field");
  let reason = text("reason");
  if (!reason || !REASONS.has(reason)) return { message: { key: `errors.${error.code}` }, field };
  if (reason === "exists" && line !== undefined) reason = "existsUseReplace";
  const values: Record<string, string | number> = {};
  for (const name of ["max", "otherLine", "expected", "found"]) {
    const value = details[name];
    if (typeof value === "string" || typeof value === "number") values[name] = value;
  }
  const message = { key: `glossary.errors.${reason}`, values };
  if (file === undefined) return { message, field };
  if (line === undefined) return { at: { key: "glossary.errors.inFile", values: { file } }, message };
  if (!field) return { at: { key: "glossary.errors.atLine", values: { file, line } }, message };
  return { at: { key: "glossary.errors.atField", values: { file, line, field } }, message };
}

async function send<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: { json: unknown } | { csv: File }): Promise<GlossaryResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body ? { "Content-Type": "json" in body ? "application/json" : "text/csv" } : undefined,
      body: body ? ("json" in body ? JSON.stringify(body.json) : body.csv) : undefined,
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    return { ok: false, problem: problemOf((json?.error as ApiError) ?? { code: "internal", message: response.statusText }) };
  } catch {
    return { ok: false, problem: { message: { key: "errors.network" } } };
  }
}

export const createTerm = (term: TermPayload) => send<{ term: { id: string } }>("POST", "/api/v1/glossary", { json: term });
export const updateTerm = (id: string, term: TermPayload) => send<{ term: { id: string } }>("PUT", `/api/v1/glossary/${encodeURIComponent(id)}`, { json: term });
export const deleteTerm = (id: string) => send<{ id: string }>("DELETE", `/api/v1/glossary/${encodeURIComponent(id)}`);

export interface ImportSummary {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
}

export function importCsv(file: File, replace: boolean) {
  const query = new URLSearchParams({ fileName: file.name });
  if (replace) query.set("replace", "1");
  return send<ImportSummary>("POST", `/api/v1/glossary/import?${query}`, { csv: file });
}
