/** Why a span cannot be annotated, or null when it is fine. */
export type SpanProblem = "out_of_range" | "empty" | "splits_character" | "quote_mismatch";

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Checks a span given as UTF-16 offsets (start inclusive, end exclusive) and
 * the quote it claims to cover. A span past the end would cross into the next
 * segment; one that cuts a surrogate pair would split an emoji or a rare CJK
 * character.
 */
export function checkSpan(text: string, start: number, end: number, quote: string): SpanProblem | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) return "out_of_range";
  if (start === end) return "empty";
  if (isLowSurrogate(text.charCodeAt(start)) || (end < text.length && isLowSurrogate(text.charCodeAt(end)))) return "splits_character";
  if (text.slice(start, end) !== quote) return "quote_mismatch";
  return null;
}
