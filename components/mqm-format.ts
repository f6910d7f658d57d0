// How MQM figures and categories read on screen, in the reader's language.

/** Scores to three decimals and penalties to one, as WMT reports them; the locale picks the marks. */
export const MQM_SCORE_DIGITS = { minimumFractionDigits: 3, maximumFractionDigits: 3 } as const;
export const PENALTY_DIGITS = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** A translator of the `categories` messages, keyed by MQM path. */
interface CategoryMessages {
  (key: string): string;
  has(key: string): boolean;
}

/**
 * An MQM category path as words, level by level: "Accuracy/Mistranslation" reads
 * "Accuracy › Mistranslation" (German "Genauigkeit › Fehlübersetzung"). A level no
 * message names (a category of an imported file) shows as it is written.
 */
export function categoryLabel(path: string, messages: CategoryMessages): string {
  const levels = path.split("/");
  const words = levels.map((level, i) => {
    const key = levels.slice(0, i + 1).join("/");
    return messages.has(key) ? messages(key) : level;
  });
  return words.join(" › ");
}
