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

// What the regexes above say of each code unit, filled on first sight: reading a mark's neighbours as
// text[at ± 1] allocated a string for every one above U+00FF, and the checks scan every segment.
const CLASSIFIED = 1;
const SPACE = 2;
const BEFORE_OPENING = 4;
const AFTER_CLOSING_MARK = 8;
const neighbourBits = new Uint8Array(0x10000);

function bitsOf(code: number): number {
  let bits = neighbourBits[code];
  if (bits === 0) {
    const ch = String.fromCharCode(code);
    bits = CLASSIFIED | (/\s/u.test(ch) ? SPACE : 0) | (SPACE_OR_EDGE_BEFORE.test(ch) ? BEFORE_OPENING : 0) | (AFTER_CLOSING.test(ch) ? AFTER_CLOSING_MARK : 0);
    neighbourBits[code] = bits;
  }
  return bits;
}

/** The code unit before `at`, or a space at the start. */
const codeBefore = (text: string, at: number) => (at > 0 ? text.charCodeAt(at - 1) : 32);
/** The code unit after `at`, or a space at the end. */
const codeAfter = (text: string, at: number) => (at + 1 < text.length ? text.charCodeAt(at + 1) : 32);

function looksOpening(text: string, at: number): boolean {
  return (bitsOf(codeBefore(text, at)) & BEFORE_OPENING) !== 0 && (bitsOf(codeAfter(text, at)) & SPACE) === 0;
}

function looksClosing(text: string, at: number): boolean {
  return (bitsOf(codeBefore(text, at)) & SPACE) === 0 && (bitsOf(codeAfter(text, at)) & AFTER_CLOSING_MARK) !== 0;
}

/**
 * Pairs quotation marks and brackets with a stack. A mark that can both open
 * and close (German “, a straight ") is read by its surroundings. Returns every
 * closing mark with its opener, every closing mark with no opener, and every
 * opener left unclosed at the end.
 */
export function scanQuotes(text: string, lang: string): QuoteEvent[] {
  const style = quoteStyle(lang);
  const events = foundEvents;
  let count = 0;
  // The open marks, innermost last, in the scratch stack (openMarks/openAts up to depth).
  let depth = 0;
  const marks = style.marks;
  marks.lastIndex = 0;
  // Every mark is one code unit: test() finds it without allocating a match.
  while (marks.test(text)) {
    const at = marks.lastIndex - 1;
    const mark = style.markOf.get(text.charCodeAt(at))!;
    const canOpen = style.openers.has(mark);
    const canClose = style.closers.has(mark);
    const closesTop = canClose && depth > 0 && style.closersOf.get(openMarks[depth - 1])!.has(mark);
    if (mark === '"' && at > 0 && isAsciiDigit(text.charCodeAt(at - 1))) continue; // inch marks
    if (canOpen && canClose) {
      const opening = looksOpening(text, at);
      const closing = looksClosing(text, at);
      if (closesTop && (closing || !opening)) {
        depth--;
        events[count++] = { kind: "close", at, mark, openAt: openAts[depth] };
      } else if (opening && !closing) {
        if (!APOSTROPHES.has(mark)) depth = pushOpen(depth, mark, at);
      } else if (!APOSTROPHES.has(mark)) {
        events[count++] = { kind: "stray-close", at, mark };
      }
      continue;
    }
    if (canOpen) {
      if (!APOSTROPHES.has(mark) || looksOpening(text, at)) depth = pushOpen(depth, mark, at);
      continue;
    }
    if (closesTop) {
      depth--;
      events[count++] = { kind: "close", at, mark, openAt: openAts[depth] };
      continue;
    }
    if (APOSTROPHES.has(mark)) continue;
    let deeper = depth - 1;
    while (deeper >= 0 && !style.closersOf.get(openMarks[deeper])!.has(mark)) deeper--;
    if (deeper >= 0) {
      for (let k = deeper + 1; k < depth; k++) events[count++] = { kind: "unclosed", at: openAts[k], mark: openMarks[k] };
      depth = deeper;
      events[count++] = { kind: "close", at, mark, openAt: openAts[deeper] };
    } else {
      events[count++] = { kind: "stray-close", at, mark };
    }
  }
  for (let k = 0; k < depth; k++) events[count++] = { kind: "unclosed", at: openAts[k], mark: openMarks[k] };
  const out = events.slice(0, count);
  // Only unclosed openers come out of order, and most texts have none: a sorted list is left as it is.
  return inOrder(out) ? out : out.sort((a, b) => a.at - b.at);
}

// Scratch for scanQuotes, reused from text to text (it runs over every segment, and a stack and a list
// grown by push per text were most of what the punctuation check allocated): the open marks and
// their offsets, innermost last, and the events, copied out at their exact length.
const openMarks: string[] = [];
const openAts: number[] = [];
const foundEvents: QuoteEvent[] = [];

/** Pushes an open mark onto the scratch stack; the new depth. */
function pushOpen(depth: number, mark: string, at: number): number {
  openMarks[depth] = mark;
  openAts[depth] = at;
  return depth + 1;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
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
