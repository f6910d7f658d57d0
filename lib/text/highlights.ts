import { mapSpan } from "./diff";

export interface HighlightSource {
  id: string;
  start: number;
  end: number;
  status: string;
  appliedRevision: number | null;
  appliedStart: number | null;
  appliedEnd: number | null;
}

export interface Highlight<A> {
  start: number;
  end: number;
  annotation: A;
}

/**
 * Where each annotation sits in the segment's current text: open ones are
 * mapped from the original text, applied ones cover their suggestion while the
 * text is still at the revision that applied it. Spans that later edits broke
 * are left out (the side panel still lists them); overlaps keep the first.
 */
export function currentHighlights<A extends HighlightSource>(originalText: string, text: string, revision: number, annotations: A[]): Highlight<A>[] {
  const spans: Highlight<A>[] = [];
  for (const annotation of annotations) {
    let span: { start: number; end: number } | null = null;
    if (annotation.status === "open") span = mapSpan(originalText, text, annotation.start, annotation.end);
    else if (annotation.status === "applied" && annotation.appliedRevision === revision && annotation.appliedStart !== null && annotation.appliedEnd !== null) {
      span = annotation.appliedEnd > annotation.appliedStart ? { start: annotation.appliedStart, end: annotation.appliedEnd } : null;
    }
    if (span) spans.push({ ...span, annotation });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight<A>[] = [];
  let reached = 0;
  for (const span of spans) {
    if (span.start >= reached) {
      kept.push(span);
      reached = span.end;
    }
  }
  return kept;
}

/** Splits text into plain runs and highlighted runs, in order. */
export function splitByHighlights<A>(text: string, highlights: Highlight<A>[]): { text: string; highlight: Highlight<A> | null }[] {
  const parts: { text: string; highlight: Highlight<A> | null }[] = [];
  let at = 0;
  for (const highlight of highlights) {
    if (highlight.start > at) parts.push({ text: text.slice(at, highlight.start), highlight: null });
    parts.push({ text: text.slice(highlight.start, highlight.end), highlight });
    at = highlight.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), highlight: null });
  return parts;
}

/** A span of the current text expressed in the original text, or null when that part was edited. */
export function toOriginalSpan(originalText: string, text: string, start: number, end: number): { start: number; end: number } | null {
  return mapSpan(text, originalText, start, end);
}

/** A cell's imported text; pages send it only when it differs from the current text. */
export function originalOf(cell: { originalText?: string; text: string }): string {
  return cell.originalText ?? cell.text;
}
