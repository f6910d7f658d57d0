/** A BCP-47 tag's name in the interface language, e.g. "de" → "German" / "Deutsch". */
export function languageName(tag: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export { textDirection } from "@/lib/text/direction";
