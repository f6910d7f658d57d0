import { textDirection } from "../text/direction";
import { annotationAttributes, annotationSummary, approvalAttributes, approvalSummary, VERSO_NS } from "./verso-xliff-extension";
import { xmlAttr, xmlText } from "./xml-escape";
import type { ExportDocument, ExportFile, ExportSegment } from "./types";

const XLIFF_20_NS = "urn:oasis:names:tc:xliff:document:2.0";

/** XLIFF 2.0: source plus corrected target, with the approval state and the annotations in the verso namespace. */
export function writeXliff20(doc: ExportDocument): ExportFile {
  const state = doc.version.status === "approved" ? "final" : "translated";
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_20_NS}" xmlns:verso="${VERSO_NS}" version="2.0" srcLang="${xmlAttr(doc.article.sourceLang)}" trgLang="${xmlAttr(doc.version.lang)}">`,
    `  <file id="f1" original="${xmlAttr(doc.article.slug)}" srcDir="${textDirection(doc.article.sourceLang)}" trgDir="${textDirection(doc.version.lang)}" xml:space="preserve"${approvalAttributes(doc.version)}>`,
    "    <notes>",
    `      <note category="verso:approval">${xmlText(approvalSummary(doc.version))}</note>`,
    "    </notes>",
    ...doc.segments.flatMap((segment) => unitLines(segment, state)),
    "  </file>",
    "</xliff>",
    "",
  ];
  return { body: lines.join("\n"), mediaType: "application/xliff+xml; charset=utf-8", extension: "xlf" };
}

function unitLines(segment: ExportSegment, state: string): string[] {
  const notes = segment.annotations.length === 0 ? [] : [
    "      <notes>",
    ...segment.annotations.map(
      (a) => `        <note category="verso:annotation" appliesTo="target"${annotationAttributes(a)}>${xmlText(annotationSummary(a))}</note>`,
    ),
    "      </notes>",
  ];
  // XLIFF requires a <source>; without a source version at this position the target text stands in for it.
  const source = segment.sourceText ?? segment.text;
  return [
    `    <unit id="s${segment.position}" type="verso:${segment.kind}">`,
    ...notes,
    `      <segment state="${state}">`,
    `        <source>${xmlText(source)}</source>`,
    `        <target>${xmlText(segment.text)}</target>`,
    "      </segment>",
    "    </unit>",
  ];
}
