import { annotationAttributes, annotationSummary, approvalAttributes, approvalSummary, VERSO_NS } from "./verso-xliff-extension";
import { xmlAttr, xmlText } from "./xml-escape";
import type { ExportAnnotation, ExportDocument, ExportFile, ExportSegment } from "./types";

const XLIFF_12_NS = "urn:oasis:names:tc:xliff:document:1.2";

const PRIORITY: Record<ExportAnnotation["severity"], number> = { major: 1, minor: 2, neutral: 3 };

/** XLIFF 1.2: source plus corrected target; approval on <file> and each trans-unit, annotations as notes. */
export function writeXliff12(doc: ExportDocument): ExportFile {
  const approved = doc.version.status === "approved";
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF_12_NS}" xmlns:verso="${VERSO_NS}">`,
    `  <file original="${xmlAttr(doc.article.slug)}" source-language="${xmlAttr(doc.article.sourceLang)}" target-language="${xmlAttr(doc.version.lang)}" datatype="plaintext" xml:space="preserve"${approvalAttributes(doc.version)}>`,
    "    <header>",
    `      <note from="verso" annotates="general">${xmlText(approvalSummary(doc.version))}</note>`,
    "    </header>",
    "    <body>",
    ...doc.segments.flatMap((segment) => transUnitLines(segment, approved)),
    "    </body>",
    "  </file>",
    "</xliff>",
    "",
  ];
  return { body: lines.join("\n"), mediaType: "application/xliff+xml; charset=utf-8", extension: "xlf" };
}

function transUnitLines(segment: ExportSegment, approved: boolean): string[] {
  // XLIFF requires a <source>; without a source version at this position the target text stands in for it.
  const source = segment.sourceText ?? segment.text;
  return [
    `      <trans-unit id="s${segment.position}" restype="x-${segment.kind}" approved="${approved ? "yes" : "no"}">`,
    `        <source>${xmlText(source)}</source>`,
    `        <target state="${approved ? "final" : "translated"}">${xmlText(segment.text)}</target>`,
    ...segment.annotations.map((a) => {
      const from = xmlAttr(a.author ?? a.origin);
      return `        <note from="${from}" priority="${PRIORITY[a.severity]}" annotates="target"${annotationAttributes(a)}>${xmlText(annotationSummary(a))}</note>`;
    }),
    "      </trans-unit>",
  ];
}
