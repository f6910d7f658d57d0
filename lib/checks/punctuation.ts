import { baseLang, isCjkLang, segmentsByPosition } from "./lang-scripts";
import { placeFindings } from "./lang-text-memo";
import { slotMemo, textRecords, textSlot } from "./text-records";
import { isBracket, quoteStyle, quotesBalanced, scanQuotes } from "./punct-quotes";
import type { Check, CheckInput, CheckSegment, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

const CATEGORY = "Fluency/Punctuation";

// ". ." and ",," but not an ellipsis "..." or ". . .".
const DOUBLED = /(?<!\.[ \u00a0]?)\.[ \u00a0]?\.(?![ \u00a0]?\.)|,[ \u00a0]?,|;[ \u00a0]?;|(?<!\p{L}):[ \u00a0]?:|。。|，，|、、/gu;
// A space before punctuation that takes none; French spaces before ; : ! ? are allowed.
const SPACE_BEFORE = /(?<=[\p{L}\p{N})\]"”»’])[ \u00a0]+([,.;:!?])(?=\s|$|["“”»«’)])/gu;
const SPACE_BEFORE_FR = /(?<=[\p{L}\p{N})\]"”»’])[ \u00a0]+([,.])(?=\s|$|["“”»«’)])/gu;
// A single quote with no letter on either side: a leftover, not an apostrophe.
const ISOLATED_SINGLE = /(?<![\p{L}\p{N}])['’‘](?![\p{L}\p{N}])/gu;
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}{1,2}|Inc|Ltd|Corp|Nr|bzw|usw|etc|ca|Dr|Mr|Mrs|Ms|St|vs|Jr|Sr|[\p{L}.]+\.\p{L}+)$/u;
const SENTENCE_INSIDE = /[.!?…]\s+\p{Lu}/u;
// Cheap tests that let most segments skip the regexes above.
const MAY_DOUBLE = /[.,;:] ?[.,;:]|。。|，，|、、/;
const MAY_SPACE_BEFORE = / [,.;:!?]/;
const MAY_SINGLE = /['’‘]/;
// Either of the two above, in one pass: nearly every text has neither.
const MAY_DOUBLE_OR_SPACE = /[.,;:] ?[.,;:]|。。|，，|、、| [,.;:!?]/;

const VISIBLE = /\S/;

/** The first character that is not white space (what `trimStart()[0]` gives), without copying the text. */
function firstVisible(text: string): string {
  // Most texts open with a visible character: below U+1680 only U+00A0 and controls up to the space are \s, above U+3000 only U+FEFF.
  const first = text.charCodeAt(0);
  if ((first > 0x20 && first < 0x1680 && first !== 0xa0) || (first > 0x3000 && first !== 0xfeff)) return text[0];
  const at = text.search(VISIBLE);
  return at < 0 ? "" : text[at];
}

function finding(position: number, start: number, end: number, level: Finding["level"], messageId: FindingMessageId, message: string, params: Finding["params"]): Finding {
  return { checkId: "punctuation", position, start, end, level, message, messageId, params, mqmCategory: CATEGORY };
}

// Per text: whether its marks pair up (per language), and its findings (per language and surroundings).
const BALANCED = textSlot();
const FOUND = textSlot();

/** Whether the source's marks at each position pair up, worked out once per article. */
function sourceBalance(input: CheckInput): Map<number, boolean> {
  const source = input.source!;
  const key = `punctuation:source-balanced:${source.id}`;
  let map = input.shared.get(key) as Map<number, boolean> | undefined;
  if (!map) {
    const records = textRecords(input.shared, source);
    const keys = [source.lang];
    const balanced = (text: string) => quotesBalanced(text, source.lang);
    map = new Map(source.segments.map((segment, i) => [segment.position, slotMemo(records[i], BALANCED, keys, balanced)]));
    input.shared.set(key, map);
  }
  return map;
}

function quoteFindings(segment: CheckSegment, continues: boolean, input: CheckInput, sourceBalanced: boolean): Finding[] {
  const { text, position } = segment;
  const findings: Finding[] = [];
  const cjk = isCjkLang(input.lang);
  for (const event of scanQuotes(text, input.lang)) {
    const params = { mark: event.mark };
    if (event.kind === "stray-close") {
      const level = sourceBalanced && !isBracket(event.mark) ? "error" : "warning";
      findings.push(finding(position, event.at, event.at + 1, level, "punctuation.strayClose", `Closing mark ${event.mark} has no opening mark`, params));
    } else if (event.kind === "unclosed") {
      if (continues) continue;
      const level = sourceBalanced && !isBracket(event.mark) ? "error" : "warning";
      findings.push(finding(position, event.at, event.at + 1, level, "punctuation.unclosed", `Opening mark ${event.mark} is never closed`, params));
    } else if (!cjk && !isBracket(event.mark)) {
      const after = text.slice(event.at + 1);
      const lowerNext = /^\s+\p{Ll}/u.test(after);
      if (!lowerNext) continue;
      const previous = text[event.at - 1];
      if (previous === "." || previous === "!" || previous === "?") {
        const level = ABBREVIATION.test(text.slice(Math.max(0, event.at - 30), event.at - 1)) ? "warning" : "error";
        findings.push(finding(position, event.at - 1, event.at + 1, level, "punctuation.closedBeforeLower", "Quotation closed after a full stop, but the sentence goes on in lower case", params));
      } else if (previous !== "," && previous !== ";" && previous !== ":" && SENTENCE_INSIDE.test(text.slice(event.openAt! + 1, event.at))) {
        findings.push(finding(position, event.at, event.at + 1, "warning", "punctuation.closedMidSentence", "Quotation closed in the middle of a sentence", params));
      }
    }
  }
  return findings;
}

function otherFindings(segment: CheckSegment, input: CheckInput): Finding[] {
  const { text, position } = segment;
  const findings: Finding[] = [];
  const doubled: [number, number][] = [];
  const mayDoubleOrSpace = MAY_DOUBLE_OR_SPACE.test(text);
  // Nearly every text skips these loops: tested first, so such a text allocates no empty list or iterator for them.
  if (mayDoubleOrSpace && MAY_DOUBLE.test(text)) {
    for (const match of text.matchAll(DOUBLED)) {
      doubled.push([match.index, match.index + match[0].length]);
      findings.push(finding(position, match.index, match.index + match[0].length, "error", "punctuation.doubled", `Doubled punctuation “${match[0]}”`, { found: match[0] }));
    }
  }
  const space = baseLang(input.lang) === "fr" ? SPACE_BEFORE_FR : SPACE_BEFORE;
  if (mayDoubleOrSpace && !isCjkLang(input.lang) && MAY_SPACE_BEFORE.test(text)) {
    for (const match of text.matchAll(space)) {
      const at = match.index;
      if (doubled.some(([start, end]) => at < end && at + match[0].length > start)) continue;
      findings.push(finding(position, at, at + match[0].length, "warning", "punctuation.spaceBefore", `Space before “${match[1]}”`, { mark: match[1] }));
    }
  }
  if (MAY_SINGLE.test(text)) {
    for (const match of text.matchAll(ISOLATED_SINGLE)) {
      findings.push(finding(position, match.index, match.index + 1, "error", "punctuation.strayQuote", `Stray quotation mark ${match[0]}`, { mark: match[0] }));
    }
  }
  return findings;
}

/**
 * Punctuation by the conventions of the version's language: quotation marks
 * and brackets that do not pair up, a quotation closed after a full stop while
 * the sentence runs on in lower case (MT damage like `Ankündigung.“ des
 * Rücktritts.`), doubled punctuation, stray single quotes and spaces before
 * punctuation. Unpaired marks are errors only where the source's marks pair up.
 */
export const punctuationCheck: Check = {
  id: "punctuation",
  run(input) {
    const { version, source } = input;
    if (version.isSource) return [];
    const balanced = source ? sourceBalance(input) : null;
    const byPosition = segmentsByPosition(version, input.shared);
    const openers = quoteStyle(input.lang).openers;
    // Findings follow from the text, whether the source's marks pair up and whether the next paragraph opens a quotation.
    const records = textRecords(input.shared, version);
    const findings: Finding[] = [];
    for (let i = 0; i < version.segments.length; i++) {
      const segment = version.segments[i];
      if (segment.kind === "meta" || !inScope(input, segment.position)) continue;
      const sourceBalanced = balanced ? (balanced.get(segment.position) ?? true) : true;
      const next = byPosition.get(segment.position + 1);
      // A quotation that runs on into the next paragraph reopens there.
      const continues = next !== undefined && openers.has(firstVisible(next.text));
      const found = slotMemo(records[i], FOUND, [input.lang, sourceBalanced, continues], () => [
        ...quoteFindings(segment, continues, input, sourceBalanced),
        ...otherFindings(segment, input),
      ]);
      placeFindings(found, segment.position, findings);
    }
    return findings;
  },
};
