import { xmlAttr } from "./xml-escape";
import type { ExportAnnotation, ExportDocument } from "./types";

/** Namespace of Verso's attributes in XLIFF 1.2 and 2.0 files. */
export const VERSO_NS = "urn:verso:xliff:1";

/** Every annotation field but id, in the order written as verso:* attributes. */
export const ANNOTATION_FIELDS = [
  "start",
  "end",
  "quote",
  "category",
  "severity",
  "status",
  "note",
  "suggestion",
  "origin",
  "author",
] as const satisfies readonly Exclude<keyof ExportAnnotation, "id">[];

/** ` verso:start="0" verso:end="7" …`; a null field is left out, an empty string is kept. */
export function annotationAttributes(annotation: ExportAnnotation): string {
  return ANNOTATION_FIELDS.map((field) => {
    const value = annotation[field];
    return value === null ? "" : ` verso:${field}="${xmlAttr(String(value))}"`;
  }).join("");
}

/** e.g. `major Accuracy/Mistranslation: "Suzkwer" → "Sutskever" (applied)`. */
export function annotationSummary(annotation: ExportAnnotation): string {
  const suggestion = annotation.suggestion === null ? "" : ` → "${annotation.suggestion}"`;
  const note = annotation.note ? ` – ${annotation.note}` : "";
  return `${annotation.severity} ${annotation.category}: "${annotation.quote}"${suggestion} (${annotation.status})${note}`;
}

/** ` verso:status="approved" verso:approvedBy=…` for the approval state of the version. */
export function approvalAttributes(version: ExportDocument["version"]): string {
  const fields = {
    status: version.status,
    approvedBy: version.approvedBy,
    approvedAt: version.approvedAt,
    overrideReason: version.overrideReason,
  };
  return Object.entries(fields)
    .map(([name, value]) => (value === null ? "" : ` verso:${name}="${xmlAttr(value)}"`))
    .join("");
}

/** The approval state as a sentence for people reading the file in a CAT tool. */
export function approvalSummary(version: ExportDocument["version"]): string {
  const message = version.statusMessage ? ` – ${version.statusMessage}` : "";
  if (version.status !== "approved") {
    const state = version.status === "in_review" ? "In review, not approved" : "Changes requested, not approved";
    return `${state}${message}`;
  }
  const by = version.approvedBy ? ` by ${version.approvedBy}` : "";
  const at = version.approvedAt ? ` at ${version.approvedAt}` : "";
  const override = version.overrideReason ? ` (override: ${version.overrideReason})` : "";
  return `Approved${by}${at}${override}${message}`;
}
