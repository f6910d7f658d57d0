import { writeHtml } from "./html";
import { writeJson } from "./json";
import { writeMarkdown } from "./markdown";
import { writeTmx } from "./tmx";
import { writeTxt } from "./txt";
import { writeXliff12 } from "./xliff12";
import { writeXliff20 } from "./xliff20";
import type { ExportDocument, ExportFile, ExportFormat } from "./types";

export * from "./types";
export { readXliff, type XliffDocument, type XliffUnit } from "./xliff-reader";
export { writeHtml, writeJson, writeMarkdown, writeTmx, writeTxt, writeXliff12, writeXliff20 };

const WRITERS: Record<ExportFormat, (doc: ExportDocument) => ExportFile> = {
  txt: writeTxt,
  md: writeMarkdown,
  html: writeHtml,
  json: writeJson,
  xliff: writeXliff20,
  xliff12: writeXliff12,
  tmx: writeTmx,
};

/** The file of one version in the given export format. */
export function writeExport(format: ExportFormat, doc: ExportDocument): ExportFile {
  return WRITERS[format](doc);
}
