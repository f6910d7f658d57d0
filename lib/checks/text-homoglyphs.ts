import { primaryLang } from "./text-words";

type Script = "Latin" | "Cyrillic" | "Greek";

// Letters that render (near) identically in common fonts, keyed by the foreign letter.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I", Ј: "J", Ѕ: "S", Ү: "Y",
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", і: "i", ј: "j", ѕ: "s", ԁ: "d", ӏ: "l", ԛ: "q", ԝ: "w",
};
const GREEK_TO_LATIN: Record<string, string> = {
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  ο: "o", ρ: "p", ν: "v", ϲ: "c",
};

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));
}

const TO: Record<Script, Partial<Record<Script, Record<string, string>>>> = {
  Latin: { Cyrillic: CYRILLIC_TO_LATIN, Greek: GREEK_TO_LATIN },
  Cyrillic: { Latin: invert(CYRILLIC_TO_LATIN) },
  Greek: { Latin: invert(GREEK_TO_LATIN) },
};

const SCRIPT_OF: [Script, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
];

const CYRILLIC_LANGS = new Set(["ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba", "cv"]);

/** The script a language is normally written in, among the three that share look-alike letters. */
export function homeScript(lang: string): Script {
  const primary = primaryLang(lang);
  if (CYRILLIC_LANGS.has(primary)) return "Cyrillic";
  if (primary === "el") return "Greek";
  return "Latin";
}

function scriptOf(ch: string): Script | null {
  for (const [script, re] of SCRIPT_OF) if (re.test(ch)) return script;
  return null;
}

/** The word rewritten in one script, if every foreign letter has a look-alike there. */
function convert(word: string, target: Script): string | null {
  let out = "";
  for (const ch of word) {
    const script = scriptOf(ch);
    if (!script || script === target) {
      out += ch;
      continue;
    }
    const replacement = TO[target][script]?.[ch];
    if (!replacement) return null;
    out += replacement;
  }
  return out;
}

/** For a word mixing scripts: its single-script forms that only swap look-alike letters (none, one, or two if ambiguous). */
export function singleScriptForms(word: string, lang: string): string[] {
  const counts = new Map<Script, number>();
  for (const ch of word) {
    const script = scriptOf(ch);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (counts.size < 2) return [];
  const home = homeScript(lang);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === home ? -1 : b[0] === home ? 1 : 0));
  const forms: string[] = [];
  for (const [script, n] of order) {
    // A majority script wins outright; only a tie leaves two readings.
    if (n < order[0][1]) break;
    const converted = convert(word, script);
    if (converted) forms.push(converted);
  }
  return forms;
}
