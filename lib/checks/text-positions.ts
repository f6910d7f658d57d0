import { hasLookalikeWord } from "./text-chars";
import { recordAt, slotValue, textSlot, type TextRecord } from "./text-records";
import { allVersions, hasWord, sameLookalikeKey, sharedMap, words } from "./text-words";
import type { CheckInput } from "./types";

/** The word forms of one text, as written and in lower case. */
interface TextWords {
  exact: Set<string>;
  lower: Set<string>;
}

/** The distinct texts of every version at one position, with how many versions have each. */
type PositionTexts = Map<TextRecord, number>;

// Per text: its word forms, and its lower case where that keeps the offsets.
const WORDS = textSlot();
const LOWER = textSlot();

/** What the other versions and the source write at one position, as seen by one version. */
export interface WordsAtPosition {
  hasExact(word: string): boolean;
  hasLower(lower: string): boolean;
  /** Whether they write a different form with the same look-alike key (OpenAI next to this version's OpenAl). */
  hasLookalike(word: string): boolean;
}

function textWords(text: string): TextWords {
  const exact = new Set(words(text).map((w) => w.text));
  return { exact, lower: new Set([...exact].map((w) => w.toLowerCase())) };
}

/**
 * The text in lower case where that maps each code unit to one in place (no İ, no Greek capital sigma,
 * whose lower case depends on what follows): then its words in lower case are the lower-cased text's words.
 */
function lowerInPlace(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes("\u03a3") ? lower : null;
}

/** Grouped once per position and article: versions often share a text, and each text is tokenised once. */
function positionTexts(input: CheckInput, position: number): PositionTexts {
  const cache = sharedMap<number, PositionTexts>(input.shared, "text-positions:texts");
  let texts = cache.get(position);
  if (!texts) {
    texts = new Map();
    for (const v of allVersions(input)) {
      const record = recordAt(input.shared, v, position);
      if (record !== undefined) texts.set(record, (texts.get(record) ?? 0) + 1);
    }
    cache.set(position, texts);
  }
  return texts;
}

/** Words at a position in the versions other than this one (the source included). */
export function wordsAtPosition(input: CheckInput, position: number): WordsAtPosition {
  const mine = recordAt(input.shared, input.version, position);
  // This version's own text counts only where another version shares it.
  const texts: TextRecord[] = [];
  for (const [record, n] of positionTexts(input, position)) if (record !== mine || n > 1) texts.push(record);
  return {
    hasExact: (word) => texts.some((record) => hasWord(record.text, word)),
    hasLower: (lower) =>
      texts.some((record) => {
        const lowered = slotValue(record, LOWER, lowerInPlace);
        return lowered !== null ? hasWord(lowered, lower) : slotValue(record, WORDS, textWords).lower.has(lower);
      }),
    hasLookalike(word) {
      for (const record of texts) {
        const found = hasLookalikeWord(record.text, word);
        if (found === true) return true;
        if (found === null) for (const form of slotValue(record, WORDS, textWords).exact) if (form !== word && sameLookalikeKey(form, word)) return true;
      }
      return false;
    },
  };
}
