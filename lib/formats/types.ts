import type { SegmentKind } from "../text/segment-kinds";

/** The export formats of cleaned text, one writer each (lib/formats/<format>.ts). */
export const EXPORT_FORMATS = ["txt", "md", "html", "json", "xliff", "xliff12", "tmx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type VersionStatus = "in_review" | "changes_requested" | "approved";

export interface ExportAnnotation {
  id: string;
  /** UTF-16 offsets into the segment's originalText, end exclusive. */
  start: number;
  end: number;
  /** The marked text as it was when the annotation was made. */
  quote: string;
  /** MQM path, e.g. "Accuracy/Mistranslation/Entity". */
  category: string;
  severity: "major" | "minor" | "neutral";
  status: "open" | "applied" | "rejected" | "resolved";
  note: string | null;
  suggestion: string | null;
  /** human | check:<id> | import */
  origin: string;
  /** The author's email, or the imported rater's name; null when unknown. */
  author: string | null;
}

export interface ExportSegment {
  /** 1-based position, aligned across versions. */
  position: number;
  kind: SegmentKind;
  /** Exactly what was imported. */
  originalText: string;
  /** The current, corrected text. */
  text: string;
  /** Revision number of the current text; 1 means untouched since import. */
  revision: number;
  /** The source version's current text at the same position, when there is one. */
  sourceText: string | null;
  annotations: ExportAnnotation[];
}

/**
 * Everything a writer needs about one version. Writers are pure functions of
 * this value and must be deterministic: no clock, no randomness.
 */
export interface ExportDocument {
  article: { slug: string; title: string; sourceLang: string };
  version: {
    id: string;
    lang: string;
    label: string;
    isSource: boolean;
    status: VersionStatus;
    approvedBy: string | null;
    /** ISO 8601. */
    approvedAt: string | null;
    overrideReason: string | null;
    statusMessage: string | null;
  };
  /**
   * The file as it was imported, when it was plain text or Markdown. The
   * writer of that same format patches each segment's originalText in it with
   * the current text, so that the file's layout survives and an untouched
   * version exports exactly the imported bytes.
   */
  imported: { format: "txt" | "md"; text: string } | null;
  segments: ExportSegment[];
}

export interface ExportFile {
  body: string;
  /** e.g. "text/plain; charset=utf-8" */
  mediaType: string;
  /** File extension without the dot, e.g. "txt", "xlf", "tmx". */
  extension: string;
}

/** A file that cannot be read; names the file and, where known, line, column and field. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly details: { file: string; line?: number; column?: number; field?: string },
  ) {
    super(message);
    this.name = "FormatError";
  }
}
