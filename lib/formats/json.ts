import type { ExportAnnotation, ExportDocument, ExportFile } from "./types";

/** The version as JSON: segments with original and current text, source and annotations. */
export function writeJson(doc: ExportDocument): ExportFile {
  const { article, version } = doc;
  // Fields are listed one by one so the key order never depends on how the caller built the document.
  const value = {
    format: "verso-export",
    formatVersion: 1,
    article: { slug: article.slug, title: article.title, sourceLang: article.sourceLang },
    version: {
      id: version.id,
      lang: version.lang,
      label: version.label,
      isSource: version.isSource,
      status: version.status,
      approvedBy: version.approvedBy,
      approvedAt: version.approvedAt,
      overrideReason: version.overrideReason,
      statusMessage: version.statusMessage,
    },
    segments: doc.segments.map((segment) => ({
      position: segment.position,
      kind: segment.kind,
      originalText: segment.originalText,
      text: segment.text,
      revision: segment.revision,
      sourceText: segment.sourceText,
      annotations: segment.annotations.map(annotationJson),
    })),
  };
  return { body: `${JSON.stringify(value, null, 2)}\n`, mediaType: "application/json; charset=utf-8", extension: "json" };
}

function annotationJson(a: ExportAnnotation): ExportAnnotation {
  return {
    id: a.id,
    start: a.start,
    end: a.end,
    quote: a.quote,
    category: a.category,
    severity: a.severity,
    status: a.status,
    note: a.note,
    suggestion: a.suggestion,
    origin: a.origin,
    author: a.author,
  };
}
