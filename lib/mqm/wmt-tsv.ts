/**
 * The WMT MQM TSV format: a header row, then
 * `system doc doc_id seg_id rater source target category severity [comment]`,
 * tab-separated, no quoting. One row per error; the span is wrapped in
 * <v>…</v> in the target (or in the source for omissions and source errors);
 * a clean segment has one No-error row; some rows mark no span.
 */
export const WMT_COLUMNS = ["system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity"] as const;

export interface WmtSpan {
  side: "source" | "target";
  start: number;
  end: number;
}

export interface WmtRow {
  line: number;
  system: string;
  doc: string;
  docId: string;
  segId: string;
  rater: string;
  /** Texts with the markers removed. */
  source: string;
  target: string;
  /** Null for No-error rows. */
  category: string | null;
  severity: "major" | "minor" | "neutral" | null;
  comment: string;
  /** The marked span in the marker-free text, or null when the row marks none. */
  span: WmtSpan | null;
}

export class WmtFormatError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    message: string,
  ) {
    super(`line ${line}: ${field}: ${message}`);
  }
}

const OPEN = "<v>";
const CLOSE = "</v>";

/** Removes <v>…</v> markers and reports the marked span (UTF-16 offsets into the clean text). */
export function stripMarkers(text: string, line: number, field: string): { text: string; span: { start: number; end: number } | null } {
  const open = text.indexOf(OPEN);
  const close = text.indexOf(CLOSE);
  if (open < 0 && close < 0) return { text, span: null };
  if (text.indexOf(OPEN, open + 1) >= 0 || (close >= 0 && text.indexOf(CLOSE, close + 1) >= 0) || (open >= 0 && close >= 0 && close < open)) {
    throw new WmtFormatError(line, field, "unbalanced or repeated <v>…</v> markers");
  }
  // Real WMT files have a few spans whose other marker was lost at the edge of the text.
  if (close < 0) return { text: text.slice(0, open) + text.slice(open + OPEN.length), span: { start: open, end: text.length - OPEN.length } };
  if (open < 0) return { text: text.slice(0, close) + text.slice(close + CLOSE.length), span: { start: 0, end: close } };
  const clean = text.slice(0, open) + text.slice(open + OPEN.length, close) + text.slice(close + CLOSE.length);
  return { text: clean, span: { start: open, end: close - OPEN.length } };
}

function parseSeverity(value: string, line: number): WmtRow["severity"] | "no-error" {
  const lower = value.trim().toLowerCase();
  if (lower === "no-error" || lower === "no error") return "no-error";
  if (lower === "major" || lower === "minor" || lower === "neutral") return lower;
  throw new WmtFormatError(line, "severity", `unknown severity "${value}" (expected Major, Minor, Neutral or No-error)`);
}

function requireValue(value: string, line: number, field: string) {
  if (!value.trim()) throw new WmtFormatError(line, field, "is empty");
}

/** Parses a WMT MQM TSV file; the first malformed line is reported by number and field. */
export function readWmtTsv(text: string): WmtRow[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((h) => h.trim());
  WMT_COLUMNS.forEach((name, i) => {
    if (header[i] !== name) throw new WmtFormatError(1, "header", `expected column ${i + 1} to be "${name}", found "${header[i] ?? ""}"`);
  });
  const hasComment = header[9] === "comment";
  const rows: WmtRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw === "") continue;
    const line = i + 1;
    const fields = raw.split("\t");
    if (fields.length < 9 || fields.length > (hasComment ? 10 : 9)) {
      throw new WmtFormatError(line, "columns", `expected ${hasComment ? "9 or 10" : "9"} tab-separated fields, found ${fields.length}`);
    }
    const [system, doc, docId, segId, rater, sourceRaw, targetRaw, categoryRaw, severityRaw, comment = ""] = fields;
    requireValue(system, line, "system");
    requireValue(doc, line, "doc");
    requireValue(docId, line, "doc_id");
    requireValue(segId, line, "seg_id");
    requireValue(rater, line, "rater");
    const severity = parseSeverity(severityRaw, line);
    const source = stripMarkers(sourceRaw, line, "source");
    const target = stripMarkers(targetRaw, line, "target");
    if (source.span && target.span) throw new WmtFormatError(line, "target", "a span is marked in both the source and the target");
    const category = categoryRaw.trim();
    const noError = severity === "no-error" || category.toLowerCase() === "no-error";
    if (!noError && !category) throw new WmtFormatError(line, "category", "is empty");
    rows.push({
      line,
      system,
      doc,
      docId,
      segId,
      rater,
      source: source.text,
      target: target.text,
      category: noError ? null : category,
      severity: noError ? null : (severity as WmtRow["severity"]),
      comment,
      span: source.span ? { side: "source", start: source.span.start, end: source.span.end } : target.span ? { side: "target", start: target.span.start, end: target.span.end } : null,
    });
  }
  return rows;
}

function mark(text: string, span: { start: number; end: number } | null): string {
  if (!span) return text;
  return text.slice(0, span.start) + OPEN + text.slice(span.start, span.end) + CLOSE + text.slice(span.end);
}

function clean(field: string, value: string): string {
  if (/[\t\r\n]/.test(value)) throw new Error(`${field} contains a tab or line break, which the WMT format cannot hold`);
  return value;
}

const SEVERITY_OUT = { major: "Major", minor: "Minor", neutral: "Neutral" } as const;

/** Writes rows in the WMT format, with a comment column; readWmtTsv reads it back identically. */
export function writeWmtTsv(rows: Omit<WmtRow, "line">[]): string {
  const out = [[...WMT_COLUMNS, "comment"].join("\t")];
  for (const row of rows) {
    out.push(
      [
        clean("system", row.system),
        clean("doc", row.doc),
        clean("doc_id", row.docId),
        clean("seg_id", row.segId),
        clean("rater", row.rater),
        clean("source", mark(row.source, row.span?.side === "source" ? row.span : null)),
        clean("target", mark(row.target, row.span?.side === "target" ? row.span : null)),
        row.category ?? "No-error",
        row.severity ? SEVERITY_OUT[row.severity] : "No-error",
        clean("comment", row.comment),
      ].join("\t"),
    );
  }
  return out.join("\n") + "\n";
}
