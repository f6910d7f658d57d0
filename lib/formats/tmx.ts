import { xmlAttr, xmlText } from "./xml-escape";
import type { ExportDocument, ExportFile } from "./types";

/** TMX 1.4: each segment with a source as a translation unit, corrected ones marked. No creation date: writers are deterministic. */
export function writeTmx(doc: ExportDocument): ExportFile {
  const source = xmlAttr(doc.article.sourceLang);
  const target = xmlAttr(doc.version.lang);
  const units = doc.segments.flatMap((segment) => {
    if (segment.sourceText === null) return [];
    const corrected = segment.text !== segment.originalText;
    return [
      `    <tu tuid="${xmlAttr(`${doc.article.slug}-${segment.position}`)}">`,
      ...(corrected ? ['      <prop type="x-verso-corrected">yes</prop>'] : []),
      `      <tuv xml:lang="${source}"><seg>${xmlText(segment.sourceText)}</seg></tuv>`,
      `      <tuv xml:lang="${target}"><seg>${xmlText(segment.text)}</seg></tuv>`,
      "    </tu>",
    ];
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Verso" creationtoolversion="1" segtype="paragraph" o-tmf="verso" adminlang="en" srclang="${source}" datatype="plaintext"/>`,
    "  <body>",
    ...units,
    "  </body>",
    "</tmx>",
    "",
  ];
  return { body: lines.join("\n"), mediaType: "application/x-tmx+xml; charset=utf-8", extension: "tmx" };
}
