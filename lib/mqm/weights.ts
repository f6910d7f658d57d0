/** MQM weights as used by WMT (Freitag et al. 2021): DESIGN.md "MQM". */
export const WEIGHTS = {
  major: 5,
  minor: 1,
  neutral: 0,
  minorPunctuation: 0.1,
  nonTranslation: 25,
} as const;

/** The penalty one error adds to its (segment, rater) pair. */
export function errorWeight(category: string, severity: string): number {
  const level = severity.toLowerCase();
  if (category === "Non-translation" || category.startsWith("Non-translation/")) return level === "neutral" ? 0 : WEIGHTS.nonTranslation;
  if (level === "major") return WEIGHTS.major;
  if (level === "minor") return category === "Fluency/Punctuation" ? WEIGHTS.minorPunctuation : WEIGHTS.minor;
  return WEIGHTS.neutral;
}
