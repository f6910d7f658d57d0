import { isUnspaced, isWordChar, memo, primaryLang, words } from "./text-words";
import type { Check, CheckInput, Finding } from "./types";
import { inScope } from "./types";

const CATEGORY = "Terminology/Inconsistent use of terminology";

interface Matcher {
  /** One-word variants (the common case), looked up per word. */
  single: Map<string, string>;
  /** Multi-word variants, looked up by their first word. */
  byFirstWord: Map<string, { variant: string; canonical: string }[]>;
  /** Variants in scripts without spaces, searched as substrings. */
  phrases: { variant: string; canonical: string }[];
  /** Every word looked up (single variants and first words): a text holding none of them needs no tokenising. */
  keys: string[];
}

function matcherFor(input: CheckInput): Matcher {
  const lang = primaryLang(input.lang);
  return memo(input.shared, `glossary:matcher:${lang}`, () => {
    const single = new Map<string, string>();
    const byFirstWord: Matcher["byFirstWord"] = new Map();
    const phrases: Matcher["phrases"] = [];
    for (const entry of input.glossary) {
      if (primaryLang(entry.lang) !== lang) continue;
      for (const variant of entry.variants) {
        if (!variant || variant === entry.canonical) continue;
        const asWords = words(variant);
        if (asWords.length === 1 && asWords[0].text === variant) {
          if (!single.has(variant)) single.set(variant, entry.canonical);
        } else if (asWords.length > 0 && asWords[0].start === 0) {
          const first = asWords[0].text;
          const list = byFirstWord.get(first) ?? [];
          list.push({ variant, canonical: entry.canonical });
          byFirstWord.set(first, list);
        } else {
          phrases.push({ variant, canonical: entry.canonical });
        }
      }
    }
    phrases.sort((a, b) => b.variant.length - a.variant.length);
    for (const list of byFirstWord.values()) list.sort((a, b) => b.variant.length - a.variant.length);
    return { single, byFirstWord, phrases, keys: [...single.keys(), ...byFirstWord.keys()] };
  });
}

/** A match must not cut a word of a spaced script; next to Chinese or Japanese any boundary will do. */
function atBoundary(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && !isUnspaced(first) && isWordChar(before)) return false;
  if (after !== undefined && !isUnspaced(last) && isWordChar(after)) return false;
  return true;
}

function finding(position: number, start: number, variant: string, canonical: string): Finding {
  return {
    checkId: "glossary",
    position,
    start,
    end: start + variant.length,
    level: "error",
    message: `"${variant}" is a known wrong form of the glossary term "${canonical}"`,
    messageId: "glossary.variant",
    params: { found: variant, expected: canonical },
    suggestion: canonical,
    mqmCategory: CATEGORY,
  };
}

/** Known wrong variants of glossary terms in the version's language. */
export const glossaryCheck: Check = {
  id: "glossary",
  run(input) {
    const matcher = matcherFor(input);
    if (matcher.single.size === 0 && matcher.byFirstWord.size === 0 && matcher.phrases.length === 0) return [];
    const findings: Finding[] = [];
    for (const segment of input.version.segments) {
      if (!inScope(input, segment.position)) continue;
      const taken: [number, number][] = [];
      // A word equal to a key is a substring of the text: most texts hold none, and are never tokenised.
      const found = matcher.keys.some((key) => segment.text.includes(key)) ? words(segment.text) : [];
      for (const word of found) {
        for (const { variant, canonical } of matcher.byFirstWord.get(word.text) ?? []) {
          const end = word.start + variant.length;
          if (!segment.text.startsWith(variant, word.start) || !atBoundary(segment.text, word.start, end)) continue;
          findings.push(finding(segment.position, word.start, variant, canonical));
          taken.push([word.start, end]);
          break;
        }
        const canonical = matcher.single.get(word.text);
        if (canonical === undefined || taken.some(([s, e]) => word.start < e && word.end > s)) continue;
        findings.push(finding(segment.position, word.start, word.text, canonical));
        taken.push([word.start, word.end]);
      }
      for (const { variant, canonical } of matcher.phrases) {
        for (let at = segment.text.indexOf(variant); at !== -1; at = segment.text.indexOf(variant, at + 1)) {
          const end = at + variant.length;
          if (!atBoundary(segment.text, at, end) || taken.some(([s, e]) => at < e && end > s)) continue;
          findings.push(finding(segment.position, at, variant, canonical));
          taken.push([at, end]);
        }
      }
    }
    return findings.sort((a, b) => a.position - b.position || a.start - b.start);
  },
};
