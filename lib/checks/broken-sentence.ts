import { baseLang } from "./lang-scripts";
import { FUNCTION_WORDS } from "./lang-stopwords";
import type { Check, Finding } from "./types";

const WORD = /\p{L}[\p{L}\p{M}]*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const ARTICLES_DE = new Set(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen"]);
// What may come right before a capitalised word without it being odd: sentence ends, colons, opening quotes and brackets, dashes.
const BOUNDARY = /[.!?…:\n(\[{„“"«»‚‘‹›「『（—–-]$/u;
const CLOSERS = /[“”"»«‘’‹›)\]」』）]+$/u;

type Context = "comma" | "clause" | "boundary";

// "De la Fuente", "Van der Berg": a capitalised particle, a short lower-case one, then the name.
function particleName(words: RegExpExecArray[] | RegExpMatchArray[], i: number): boolean {
  const next = words[i + 1]?.[0] ?? "";
  const after = words[i + 2]?.[0] ?? "";
  return next.length <= 3 && STARTS_UPPER.test(after);
}

function contextBefore(before: string): Context {
  const trimmed = before.replace(/[ \t\u00a0]+$/u, "");
  if (trimmed === "") return "boundary";
  const withoutClosers = trimmed.replace(CLOSERS, "");
  if (withoutClosers !== trimmed) {
    // After a closing quote: a sentence end inside it, or a quoted name followed by the clause.
    // A mark with a space before it opened a quotation rather than closing one.
    if (withoutClosers === "" || /\s$/u.test(withoutClosers)) return "boundary";
    return /[.!?…:]$/u.test(withoutClosers) ? "boundary" : "clause";
  }
  if (/[,;]$/u.test(trimmed)) return "comma";
  if (BOUNDARY.test(trimmed)) return "boundary";
  return /[\p{L}\p{N}]$/u.test(trimmed) ? "clause" : "boundary";
}

/**
 * A capitalised function word after a comma or inside a clause: the sign of a
 * sentence broken apart by machine translation ("von OpenAI, Auch Andrej
 * Karpathy", "zweitens GPT5 Bei der Entwicklung"). Only function words count,
 * since German capitalises nouns; a following capitalised word means a name
 * or title ("Die Zeit"), which is left alone except in clear German cases.
 */
export const brokenSentenceCheck: Check = {
  id: "broken-sentence",
  run(input) {
    const { version } = input;
    const lang = baseLang(input.lang);
    const list = FUNCTION_WORDS[lang];
    if (!list || version.isSource) return [];
    const findings: Finding[] = [];
    for (const segment of version.segments) {
      if (segment.kind === "meta" || (lang === "en" && segment.kind !== "paragraph")) continue;
      const text = segment.text;
      const words = [...text.matchAll(WORD)];
      for (let i = 0; i < words.length; i++) {
        const word = words[i][0];
        if (!CAPITALISED.test(word) || !list.has(word.toLowerCase())) continue;
        const start = words[i].index;
        const context = contextBefore(text.slice(i > 0 ? words[i - 1].index : 0, start));
        if (context === "boundary") continue;
        const next = words[i + 1];
        const nextCapitalised = next !== undefined && STARTS_UPPER.test(next[0]) && /^[\s\u00a0]+$/u.test(text.slice(start + word.length, next.index));
        let level: Finding["level"] | null = null;
        if (context === "comma") {
          if (!nextCapitalised) level = "error";
          else if (lang === "de") level = ARTICLES_DE.has(word.toLowerCase()) ? "warning" : "error";
        } else {
          const previous = i > 0 ? words[i - 1][0] : "";
          const previousIsFunctionWord = CAPITALISED.test(previous) && list.has(previous.toLowerCase());
          if (previousIsFunctionWord) level = "error";
          else if (lang === "de" && !nextCapitalised) level = "error";
          else if (!nextCapitalised && !particleName(words, i)) level = "warning";
        }
        if (!level) continue;
        const where = context === "comma" ? "after a comma" : "inside a clause";
        findings.push({
          checkId: "broken-sentence",
          position: segment.position,
          start,
          end: start + word.length,
          level,
          message: `Capitalised “${word}” ${where}: a sentence broken apart?`,
          params: { word, context },
          suggestion: word.toLowerCase(),
          mqmCategory: "Fluency/Grammar",
        });
      }
    }
    return findings;
  },
};
