// How the admin screen reads a value of an audit snapshot. Codes from a known vocabulary
// (a role, a status, a severity, an MQM category, a language tag) are shown as words in the
// reader's language; lists of plain values as lists; anything else as compact JSON.

export type CodeVocabulary = "role" | "status" | "severity" | "category" | "language";

export type AuditValue =
  | { kind: "none" }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "code"; vocabulary: CodeVocabulary; code: string }
  | { kind: "list"; items: AuditValue[] }
  | { kind: "json"; text: string };

/** Snapshot fields whose string values are codes of a vocabulary rather than free text. */
const CODED_FIELDS: Record<string, CodeVocabulary> = {
  role: "role",
  status: "status",
  severity: "severity",
  category: "category",
  lang: "language",
  sourceLang: "language",
};

export function codeVocabulary(field: string | null): CodeVocabulary | null {
  return field !== null && Object.hasOwn(CODED_FIELDS, field) ? CODED_FIELDS[field] : null;
}

type Scalar = string | number | boolean | null;

const isScalar = (value: unknown): value is Scalar => value === null || ["string", "number", "boolean"].includes(typeof value);

/** The value of `field` (null for a snapshot that is one bare value) as something to show. */
export function describeAuditValue(field: string | null, value: unknown): AuditValue {
  if (value === null || value === undefined) return { kind: "none" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") {
    const vocabulary = codeVocabulary(field);
    return vocabulary ? { kind: "code", vocabulary, code: value } : { kind: "text", value };
  }
  // A list of plain values (wrong variants, ids) reads as a list; a list of records stays JSON.
  if (Array.isArray(value) && value.every(isScalar)) return { kind: "list", items: value.map((item) => describeAuditValue(field, item)) };
  return { kind: "json", text: JSON.stringify(value) };
}

/** Where the locale files label a code, in order of preference; languages are named by Intl instead. */
export function labelKeys(vocabulary: Exclude<CodeVocabulary, "language">, code: string): string[] {
  switch (vocabulary) {
    case "role":
      return [`roles.${code}`];
    case "status": // a version's status, else an annotation's
      return [`status.${code}`, `panel.status.${code}`];
    case "severity":
      return [`annotate.severities.${code}`];
    case "category":
      return [`categories.${code}`];
  }
}
