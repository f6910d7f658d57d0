/**
 * Which message a finding carries. The English `message` of a finding is for
 * the CLI and the API; the UI shows the translation of `findingMessages.<id>`
 * from the locale files, filled in with the finding's `params`. Every id here
 * has a text in all seven locale files (tests/unit/finding-messages.test.ts).
 */
export const FINDING_MESSAGE_IDS = [
  "boilerplate.switcher",
  "boilerplate.siteLabel",
  "boilerplate.sitePrompt",
  "broken-sentence.afterComma",
  "broken-sentence.insideClause",
  "glossary.variant",
  "glued.camel",
  "glued.lower",
  "lookalikes.confusable",
  "lookalikes.mixedScript",
  "lookalikes.mixedScriptMeant",
  "lookalikes.invisible",
  "lookalikes.invisibleIn",
  "names.garbled",
  "names.garbledElsewhere",
  "numbers.mismatch",
  "numbers.missing",
  "punctuation.strayClose",
  "punctuation.unclosed",
  "punctuation.closedBeforeLower",
  "punctuation.closedMidSentence",
  "punctuation.doubled",
  "punctuation.spaceBefore",
  "punctuation.strayQuote",
  "structure.missing",
  "structure.empty",
  "structure.extra",
  "structure.extraBeyond",
  "truncation.dangling",
  "truncation.noFinalPunctuation",
  "truncation.short",
  "untranslated.identical",
  "untranslated.script",
  "untranslated.scriptCopied",
  "untranslated.language",
] as const;

export type FindingMessageId = (typeof FINDING_MESSAGE_IDS)[number];
