import { CsvError, parse } from "csv-parse/sync";

/**
 * Glossary CSV: a header `lang,canonical,variants,note,article`, then one term
 * per record. Known wrong variants are joined with "|" in one field; an empty
 * article (slug) means a global term. RFC 4180 quoting, UTF-8.
 */
export const GLOSSARY_CSV_COLUMNS = ["lang", "canonical", "variants", "note", "article"] as const;
export type GlossaryCsvColumn = (typeof GLOSSARY_CSV_COLUMNS)[number];
export const VARIANT_SEPARATOR = "|";

export interface GlossaryCsvRow {
  /** The line the record starts on, counting the header as line 1. */
  line: number;
  lang: string;
  canonical: string;
  variants: string[];
  note: string;
  article: string;
}

export type GlossaryCsvProblem = "header" | "fieldCount" | "quote";

/** A file that is not glossary CSV, at a line (and a field when one is to blame). */
export class GlossaryCsvError extends Error {
  constructor(
    readonly line: number,
    readonly field: GlossaryCsvColumn | null,
    readonly problem: GlossaryCsvProblem,
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

const lineBreaks = (text: string) => text.split("\n").length - 1;

/** Reads the records of a glossary CSV text (BOM already dropped or not). */
export function readGlossaryCsv(input: string): GlossaryCsvRow[] {
  // CRLF and CR become LF first: csv-parse miscounts lines after a quoted CRLF,
  // and a quoted line break is stored as LF anyway.
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: { fields: string[]; line: number }[] = [];
  try {
    parse(text, {
      record_delimiter: "\n",
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (fields: string[], info) => {
        // info.lines is where the record ends; a quoted line break adds one.
        records.push({ fields, line: info.lines - fields.reduce((sum, field) => sum + lineBreaks(field), 0) });
        return fields;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw quoteError(error, text, records);
  }

  const [header, ...rows] = records;
  checkHeader(header);
  return rows.map(({ fields, line }) => {
    if (fields.length !== GLOSSARY_CSV_COLUMNS.length) {
      throw new GlossaryCsvError(line, null, "fieldCount", `expected ${GLOSSARY_CSV_COLUMNS.length} fields, found ${fields.length}`, {
        expected: GLOSSARY_CSV_COLUMNS.length,
        found: fields.length,
      });
    }
    const [lang, canonical, variants, note, article] = fields;
    const split = variants
      .split(VARIANT_SEPARATOR)
      .map((variant) => variant.trim())
      .filter(Boolean);
    return { line, lang, canonical, variants: split, note, article };
  });
}

function checkHeader(header: { fields: string[]; line: number } | undefined): void {
  const expected = GLOSSARY_CSV_COLUMNS.join(",");
  const found = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  if (found.join(",") === expected) return;
  throw new GlossaryCsvError(header?.line ?? 1, null, "header", `the header must be "${expected}"`, { expected });
}

/** A quoting error at the line where it happens; an unclosed quote at the line where its record starts. */
function quoteError(error: CsvError, text: string, records: { fields: string[]; line: number }[]): GlossaryCsvError {
  const column = typeof error.index === "number" ? (GLOSSARY_CSV_COLUMNS[error.index] ?? null) : null;
  let line = typeof error.lines === "number" ? error.lines : 1;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    const last = records.at(-1);
    const lines = text.split("\n");
    line = last ? last.line + lineBreaks(last.fields.join("")) + 1 : 1;
    while (line < lines.length && lines[line - 1] === "") line++;
  }
  const detail =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted field is never closed"
      : error.code === "INVALID_OPENING_QUOTE"
        ? "a quote inside an unquoted field (quote the whole field and double the quote)"
        : "a quoted field must end at a comma or the end of the line";
  return new GlossaryCsvError(line, records.length === 0 ? null : column, "quote", detail);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface GlossaryCsvTerm {
  lang: string;
  canonical: string;
  variants: string[];
  note: string | null;
  article: string | null;
}

/** Writes terms as glossary CSV: CRLF after every record, fields quoted only when needed. */
export function writeGlossaryCsv(terms: GlossaryCsvTerm[]): string {
  const rows = terms.map((term) => [term.lang, term.canonical, term.variants.join(VARIANT_SEPARATOR), term.note ?? "", term.article ?? ""]);
  return [GLOSSARY_CSV_COLUMNS, ...rows].map((fields) => fields.map(csvField).join(",")).join("\r\n") + "\r\n";
}
