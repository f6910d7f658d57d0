/** A BCP-47 tag's name in the interface language, e.g. "de" → "German" / "Deutsch". */
export function languageName(tag: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Scripts written right to left get dir="rtl" in their cells. */
export function textDirection(tag: string): "rtl" | "ltr" {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"].includes(locale.script ?? "") ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}
