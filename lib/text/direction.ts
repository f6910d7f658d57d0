/** Scripts written right to left: their text gets dir="rtl" in cells and exports. */
const RTL_SCRIPTS = ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"];

export function textDirection(tag: string): "rtl" | "ltr" {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return RTL_SCRIPTS.includes(locale.script ?? "") ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}
