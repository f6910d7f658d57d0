import { baseLang } from "./lang-scripts";

type Pair = readonly [open: string, close: string];

const BRACKETS: Pair[] = [["(", ")"], ["（", "）"]];

// Quotation marks each language's typography uses; a mark outside its set is not balanced at all.
const STYLES: Record<string, Pair[]> = {
  de: [["„", "“"], ["„", "”"], ["»", "«"], ["‚", "‘"], ["›", "‹"], ["«", "»"], ["“", "”"], ['"', '"']],
  en: [["“", "”"], ["‘", "’"], ['"', '"']],
  fr: [["«", "»"], ["“", "”"], ["‹", "›"], ["‘", "’"], ['"', '"']],
  es: [["«", "»"], ["“", "”"], ["‘", "’"], ['"', '"']],
  it: [["«", "»"], ["“", "”"], ["‘", "’"], ['"', '"']],
  pt: [["«", "»"], ["“", "”"], ["‘", "’"], ['"', '"']],
  ru: [["«", "»"], ["„", "“"], ["“", "”"], ['"', '"']],
  ja: [["「", "」"], ["『", "』"], ["“", "”"], ["《", "》"], ["〈", "〉"]],
  zh: [["“", "”"], ["‘", "’"], ["「", "」"], ["『", "』"], ["《", "》"], ["〈", "〉"]],
};
const DEFAULT_STYLE: Pair[] = [["«", "»"], ["“", "”"], ["„", "“"], ["「", "」"], ["『", "』"], ['"', '"']];

// Marks that double as apostrophes: they close a quotation only when one is open.
const APOSTROPHES = new Set(["’", "‘"]);

export interface QuoteStyle {
  closersOf: Map<string, Set<string>>;
  openers: Set<string>;
  closers: Set<string>;
  /** Every mark the scanner looks at, as a regex character class. */
  marks: RegExp;
  /** Each of those marks by its code unit: text[at] would allocate a new string for every mark above U+00FF (“ ” „ 「…). */
  markOf: Map<number, string>;
}

const styles = new Map<string, QuoteStyle>();

export function quoteStyle(lang: string): QuoteStyle {
  const base = baseLang(lang);
  let style = styles.get(base);
  if (!style) {
    const pairs = [...(STYLES[base] ?? DEFAULT_STYLE), ...BRACKETS];
    const closersOf = new Map<string, Set<string>>();
    for (const [open, close] of pairs) closersOf.set(open, (closersOf.get(open) ?? new Set()).add(close));
    const openers = new Set(pairs.map(([open]) => open));
    const closers = new Set(pairs.map(([, close]) => close));
    const chars = [...new Set([...openers, ...closers])];
    const markOf = new Map(chars.map((mark) => [mark.charCodeAt(0), mark]));
    style = { closersOf, openers, closers, marks: new RegExp(`[${chars.join("")}]`, "gu"), markOf };
    styles.set(base, style);
  }
  return style;
}

export interface QuoteEvent {
  kind: "close" | "stray-close" | "unclosed";
  /** Offset of the mark. */
  at: number;
  mark: string;
  /** For "close": where its opening mark is. */
  openAt?: number;
}

const SPACE_OR_EDGE_BEFORE = /[\s([{\u2014\u2013/-]/u;
const AFTER_CLOSING = /[\s\p{P}]/u;

function looksOpening(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : " ";
  const after = at + 1 < text.length ? text[at + 1] : " ";
  return SPACE_OR_EDGE_BEFORE.test(before) && !/\s/u.test(after);
}

function looksClosing(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : " ";
  const after = at + 1 < text.length ? text[at + 1] : " ";
  return !/\s/u.test(before) && AFTER_CLOSING.test(after);
}

/**
 * Pairs quotation marks and brackets with a stack. A mark that can both open
 * and close (German “, a straight ") is read by its surroundings. Returns every
 * closing mark with its opener, every closing mark with no opener, and every
 * opener left unclosed at the end.
 */
export function scanQuotes(text: string, lang: string): QuoteEvent[] {
  const style = quoteStyle(lang);
  const events: QuoteEvent[] = [];
  const stack: { mark: string; at: number }[] = [];
  const marks = style.marks;
  marks.lastIndex = 0;
  // Every mark is one code unit: test() finds it without allocating a match.
  while (marks.test(text)) {
    const at = marks.lastIndex - 1;
    const mark = style.markOf.get(text.charCodeAt(at))!;
    const canOpen = style.openers.has(mark);
    const canClose = style.closers.has(mark);
    const top = stack[stack.length - 1];
    const closesTop = canClose && top !== undefined && style.closersOf.get(top.mark)!.has(mark);
    if (mark === '"' && at > 0 && /\d/.test(text[at - 1])) continue; // inch marks
    if (canOpen && canClose) {
      const opening = looksOpening(text, at);
      const closing = looksClosing(text, at);
      if (closesTop && (closing || !opening)) {
        stack.pop();
        events.push({ kind: "close", at, mark, openAt: top.at });
      } else if (opening && !closing) {
        if (!APOSTROPHES.has(mark)) stack.push({ mark, at });
      } else if (!APOSTROPHES.has(mark)) {
        events.push({ kind: "stray-close", at, mark });
      }
      continue;
    }
    if (canOpen) {
      if (!APOSTROPHES.has(mark) || looksOpening(text, at)) stack.push({ mark, at });
      continue;
    }
    if (closesTop) {
      stack.pop();
      events.push({ kind: "close", at, mark, openAt: top.at });
      continue;
    }
    if (APOSTROPHES.has(mark)) continue;
    const deeper = stack.findLastIndex((open) => style.closersOf.get(open.mark)!.has(mark));
    if (deeper >= 0) {
      for (const skipped of stack.splice(deeper + 1)) events.push({ kind: "unclosed", at: skipped.at, mark: skipped.mark });
      const open = stack.pop()!;
      events.push({ kind: "close", at, mark, openAt: open.at });
    } else {
      events.push({ kind: "stray-close", at, mark });
    }
  }
  for (const open of stack) events.push({ kind: "unclosed", at: open.at, mark: open.mark });
  // Only unclosed openers come out of order, and most texts have none: a sorted list is left as it is.
  return inOrder(events) ? events : events.sort((a, b) => a.at - b.at);
}

function inOrder(events: QuoteEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i - 1].at > events[i].at) return false;
  return true;
}

/** Whether a text's quotation marks and brackets all pair up. */
export function quotesBalanced(text: string, lang: string): boolean {
  return scanQuotes(text, lang).every((event) => event.kind === "close");
}

export const isBracket = (mark: string) => mark === "(" || mark === ")" || mark === "（" || mark === "）";
