import { baseLang } from "./lang-scripts";

/** One quantity found in a text: its span and the values it may stand for. */
export interface Quantity {
  start: number;
  end: number;
  text: string;
  /** Candidate values: "1.000" is 1000 or 1 depending on the convention. */
  values: number[];
  /** Written with digits (not a number word, month name or bare scale word). */
  digits: boolean;
  /** A scale word without a number before it ("Billionen-Markt", "万亿级"). */
  bare: boolean;
}

type WordKind = "num" | "scale" | "month";
interface WordEntry {
  kind: WordKind;
  value: number;
}

const UNITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const UNITS_DE = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"];
const UNITS_FR = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"];
const UNITS_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"];
const UNITS_IT = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove", "venti"];
const UNITS_PT = ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove", "vinte"];

const MONTHS: Record<string, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  de: ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
  it: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
  pt: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
};

function table(entries: [string, WordKind, number][]): Map<string, WordEntry> {
  return new Map(entries.map(([word, kind, value]) => [word, { kind, value }]));
}

function units(words: string[]): [string, WordKind, number][] {
  return words.map((word, value) => [word, "num", value]);
}

function months(lang: string): [string, WordKind, number][] {
  return (MONTHS[lang] ?? []).map((word, i) => [word, "month", i + 1]);
}

// Number words 0–20 (and a few more), scale words and month names per language.
const WORDS: Record<string, Map<string, WordEntry>> = {
  en: table([
    ...units(UNITS_EN), ["thirty", "num", 30], ["forty", "num", 40], ["fifty", "num", 50], ["dozen", "num", 12], ["hundred", "scale", 100],
    ["thousand", "scale", 1e3], ["million", "scale", 1e6], ["millions", "scale", 1e6], ["billion", "scale", 1e9], ["billions", "scale", 1e9],
    ["bn", "scale", 1e9], ["trillion", "scale", 1e12], ["trillions", "scale", 1e12], ...months("en"),
  ]),
  de: table([
    ...units(UNITS_DE), ["ein", "num", 1], ["eine", "num", 1], ["einen", "num", 1], ["einem", "num", 1], ["einer", "num", 1], ["eines", "num", 1],
    ["dreißig", "num", 30], ["vierzig", "num", 40], ["fünfzig", "num", 50], ["dutzend", "num", 12], ["hundert", "scale", 100],
    ["tausend", "scale", 1e3], ["tsd", "scale", 1e3], ["million", "scale", 1e6], ["millionen", "scale", 1e6], ["mio", "scale", 1e6],
    ["milliarde", "scale", 1e9], ["milliarden", "scale", 1e9], ["mrd", "scale", 1e9], ["billion", "scale", 1e12], ["billionen", "scale", 1e12],
    ["jänner", "month", 1], ...months("de"),
  ]),
  fr: table([
    ...units(UNITS_FR), ["une", "num", 1], ["trente", "num", 30], ["quarante", "num", 40], ["cinquante", "num", 50],
    ["dizaine", "num", 10], ["douzaine", "num", 12], ["quinzaine", "num", 15], ["vingtaine", "num", 20], ["trentaine", "num", 30],
    ["quarantaine", "num", 40], ["cinquantaine", "num", 50], ["centaine", "num", 100], ["cent", "scale", 100], ["mille", "scale", 1e3],
    ["millier", "scale", 1e3], ["milliers", "scale", 1e3], ["million", "scale", 1e6], ["millions", "scale", 1e6], ["milliard", "scale", 1e9],
    ["milliards", "scale", 1e9], ["md", "scale", 1e9], ["mds", "scale", 1e9], ["billion", "scale", 1e12], ["billions", "scale", 1e12], ...months("fr"),
  ]),
  es: table([
    ...units(UNITS_ES), ["un", "num", 1], ["una", "num", 1], ["treinta", "num", 30], ["cuarenta", "num", 40], ["cincuenta", "num", 50],
    ["decena", "num", 10], ["docena", "num", 12], ["veintena", "num", 20], ["treintena", "num", 30], ["centenar", "num", 100],
    ["cien", "scale", 100], ["mil", "scale", 1e3], ["millón", "scale", 1e6], ["millones", "scale", 1e6], ["millardo", "scale", 1e9],
    ["millardos", "scale", 1e9], ["billón", "scale", 1e12], ["billones", "scale", 1e12], ["setiembre", "month", 9], ...months("es"),
  ]),
  it: table([
    ...units(UNITS_IT), ["un", "num", 1], ["una", "num", 1], ["mille", "scale", 1e3], ["mila", "scale", 1e3], ["milione", "scale", 1e6],
    ["milioni", "scale", 1e6], ["miliardo", "scale", 1e9], ["miliardi", "scale", 1e9], ...months("it"),
  ]),
  pt: table([
    ...units(UNITS_PT), ["uma", "num", 1], ["mil", "scale", 1e3], ["milhão", "scale", 1e6], ["milhões", "scale", 1e6],
    ["bilhão", "scale", 1e9], ["bilhões", "scale", 1e9], ["mil milhões", "scale", 1e9], ...months("pt"),
  ]),
  ru: table([
    ["ноль", "num", 0], ["нуль", "num", 0],
    ...["один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"].map((w): [string, WordKind, number] => [w, "num", 1]),
    ...["два", "две", "двух", "двум", "двумя", "двое", "двоих"].map((w): [string, WordKind, number] => [w, "num", 2]),
    ...["три", "трёх", "трех", "трём", "трем", "тремя", "трое", "троих"].map((w): [string, WordKind, number] => [w, "num", 3]),
    ...["четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя", "четверо"].map((w): [string, WordKind, number] => [w, "num", 4]),
    ...russianTeens(),
    ["сто", "num", 100], ["тысяча", "scale", 1e3], ["тысячи", "scale", 1e3], ["тысяч", "scale", 1e3], ["тыс", "scale", 1e3],
    ["млн", "scale", 1e6], ["млрд", "scale", 1e9], ["трлн", "scale", 1e12],
  ]),
};

function russianTeens(): [string, WordKind, number][] {
  const stems: [string, number][] = [
    ["пят", 5], ["шест", 6], ["сем", 7], ["восем", 8], ["девят", 9], ["десят", 10], ["одиннадцат", 11], ["двенадцат", 12],
    ["тринадцат", 13], ["четырнадцат", 14], ["пятнадцат", 15], ["шестнадцат", 16], ["семнадцат", 17], ["восемнадцат", 18],
    ["девятнадцат", 19], ["двадцат", 20], ["тридцат", 30],
  ];
  const out: [string, WordKind, number][] = [];
  for (const [stem, value] of stems) for (const ending of ["ь", "и", "ью"]) out.push([stem + ending, "num", value]);
  out.push(["восьми", "num", 8], ["восьмью", "num", 8], ["пятеро", "num", 5], ["шестеро", "num", 6], ["семеро", "num", 7]);
  return out;
}

// Russian scale words and months inflect; their stems are matched with any ending.
const RU_STEMS: [RegExp, WordEntry][] = [
  [/^миллион/, { kind: "scale", value: 1e6 }],
  [/^миллиард/, { kind: "scale", value: 1e9 }],
  [/^триллион/, { kind: "scale", value: 1e12 }],
  ...["январ", "феврал", "март", "апрел", "ма[йяею]$", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"].map(
    (stem, i): [RegExp, WordEntry] => [new RegExp(`^${stem}`), { kind: "month", value: i + 1 }],
  ),
];

const RU_STEM_WORD = /^(миллион|миллиард|триллион|январ|феврал|март|апрел|ма[йяею]$|июн|июл|август|сентябр|октябр|ноябр|декабр)/;

function lookupWord(lang: string, word: string): WordEntry | null {
  const words = WORDS[lang];
  if (!words) return null;
  // English month names are capitalised; "May" and "march" need that to be told apart.
  const entry = lang === "en" ? (words.get(word) ?? words.get(word.toLowerCase())) : words.get(word.toLowerCase());
  if (entry) return entry.kind === "month" && lang === "en" && word !== MONTHS.en[entry.value - 1] ? null : entry;
  if (lang === "ru") {
    const lower = word.toLowerCase();
    if (!RU_STEM_WORD.test(lower)) return null;
    for (const [stem, stemEntry] of RU_STEMS) if (stem.test(lower)) return stemEntry;
  }
  return null;
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1e3 };
const CJK_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };

/** Value of a run of digits and Chinese/Japanese numerals: "1万亿" = 10¹², "2億5000万" = 2.5 × 10⁸, "十一" = 11. */
export function parseCjkNumber(run: string): number {
  let total = 0;
  let section = 0;
  let num = 0;
  let digitText = "";
  let lastWasDigitChar = false;
  const flushDigits = () => {
    if (digitText) num = Number(digitText);
    digitText = "";
  };
  for (const char of run) {
    if (/[0-9.]/.test(char)) {
      digitText += char;
      lastWasDigitChar = false;
    } else if (char in CJK_DIGITS) {
      flushDigits();
      num = lastWasDigitChar ? num * 10 + CJK_DIGITS[char] : CJK_DIGITS[char];
      lastWasDigitChar = true;
    } else if (char in CJK_SMALL_UNITS) {
      flushDigits();
      section += (num || 1) * CJK_SMALL_UNITS[char];
      num = 0;
      lastWasDigitChar = false;
    } else if (char in CJK_BIG_UNITS) {
      flushDigits();
      const group = section + num;
      if (group === 0) total = (total || 1) * CJK_BIG_UNITS[char];
      else total += group * CJK_BIG_UNITS[char];
      section = 0;
      num = 0;
      lastWasDigitChar = false;
    }
  }
  flushDigits();
  return total + section + num;
}

/** Candidate values of a digit string with grouping and decimal separators. */
export function parseDigits(raw: string): number[] {
  const s = raw.replace(/[\s\u00a0\u202f'’]/g, "");
  const parts = s.split(/[.,]/);
  if (parts.length === 1) return [Number(s)];
  const seps = s.replace(/[^.,]/g, "");
  if (seps.includes(".") && seps.includes(",")) {
    const decimal = seps[seps.length - 1];
    const grouping = decimal === "." ? "," : ".";
    return [Number(s.split(grouping).join("").replace(",", "."))];
  }
  if (parts.length > 2) return [Number(parts.join(""))];
  const [head, tail] = parts;
  const decimal = Number(`${head}.${tail}`);
  if (tail.length === 3 && head.length <= 3 && head !== "0") return [Number(head + tail), decimal];
  return [decimal];
}

// Full-width digits and dot, replaced one for one so offsets stay valid.
const WIDE_DIGIT = /[０-９．]/;
function narrowDigits(text: string): string {
  if (!WIDE_DIGIT.test(text)) return text;
  return text.replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const DATE = String.raw`(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|(?<!\d)\d{1,2}\.\d{1,2}\.\d{4}(?!\d)`;
const DIGITS = String.raw`(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*`;
const CJK_TOKENS = new RegExp(`(${DATE})|([0-9〇零一二两兩三四五六七八九十百千万萬亿億兆.]+)`, "gu");
const HAS_DIGIT = /[0-9]/;
const CHAR_NUMERAL_WITH_BIG_UNIT = /^[一二两兩三四五六七八九十][〇零一二两兩三四五六七八九十百千]*[万萬亿億兆]+$/;
const BARE_BIG_UNITS = /^(万亿|萬億)$/;
const FOLLOWED_BY_MONTH = /^月/;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// One regex per language: dates, digit groups and that language's number words, built on first use.
const latinTokenRegex = new Map<string, RegExp>();
function tokenRegexFor(lang: string): RegExp {
  let regex = latinTokenRegex.get(lang);
  if (!regex) {
    const words = [...(WORDS[lang]?.keys() ?? [])].sort((a, b) => b.length - a.length).map(escape);
    if (lang === "ru") words.unshift(`(?:${RU_STEM_WORD.source.slice(2, -1).replace("ма[йяею]$", "ма[йяею]")})\\p{L}*`);
    const wordPart = words.length ? `|(?<![\\p{L}\\p{N}])(${words.join("|")})(?![\\p{L}\\p{N}])` : "";
    regex = new RegExp(`(${DATE})|(${DIGITS})${wordPart}`, "giu");
    latinTokenRegex.set(lang, regex);
  }
  return regex;
}

interface RawToken {
  start: number;
  end: number;
  text: string;
  kind: "num" | "scale" | "month" | "date";
  values: number[];
  digits: boolean;
}

function rawTokensCjk(text: string, strict: boolean): RawToken[] {
  const out: RawToken[] = [];
  CJK_TOKENS.lastIndex = 0;
  for (let match = CJK_TOKENS.exec(text); match; match = CJK_TOKENS.exec(text)) {
    const start = match.index;
    if (match[1]) {
      out.push({ start, end: start + match[0].length, text: match[0], kind: "date", values: [], digits: true });
      continue;
    }
    const run = match[2].replace(/^\.+|\.+$/g, "");
    if (!run) continue;
    const runStart = start + match[2].indexOf(run);
    const digits = HAS_DIGIT.test(run);
    const bare = BARE_BIG_UNITS.test(run);
    // In a source text, characters such as 一 are too often part of words (第一财经, 一直); only digits and numeral+万/亿 count.
    if (strict && !digits && !bare && !CHAR_NUMERAL_WITH_BIG_UNIT.test(run)) continue;
    const values = /^[0-9.]+$/.test(run) ? parseDigits(run) : [parseCjkNumber(run)];
    const kind = bare ? "scale" : FOLLOWED_BY_MONTH.test(text.slice(runStart + run.length)) ? "month" : "num";
    out.push({ start: runStart, end: runStart + run.length, text: run, kind, values, digits: !bare });
  }
  return out;
}

/** Tokens by the language's regex: the reference behaviour, and the path for texts with astral characters. */
function rawTokensLatinByRegex(text: string, lang: string, strict: boolean): RawToken[] {
  const out: RawToken[] = [];
  const regex = tokenRegexFor(lang);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1]) out.push({ start, end, text: match[0], kind: "date", values: [], digits: true });
    else if (match[2]) out.push({ start, end, text: match[0], kind: "num", values: parseDigits(match[0]), digits: true });
    else pushWord(out, lang, strict, text, start, end);
  }
  return out;
}

function pushWord(out: RawToken[], lang: string, strict: boolean, text: string, start: number, end: number): void {
  const word = text.slice(start, end);
  const entry = lookupWord(lang, word);
  if (!entry) return;
  // A source's number words count only from two up: "one" and "a" are too often not numbers.
  if (strict && entry.kind === "num" && entry.value < 2) return;
  out.push({ start, end, text: word, kind: entry.kind, values: [entry.value], digits: false });
}

// \p{L} and \p{N} per UTF-16 code unit, worked out on first sight (bit 1: letter, bit 2: number).
const LETTER = 1;
const NUMBER = 2;
const letterNumber = new Uint8Array(0x10000);
const CLASSIFIED = 4;
function lnOf(code: number): number {
  let c = letterNumber[code];
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = CLASSIFIED | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
    letterNumber[code] = c;
  }
  return c;
}

/** What the token regex's word alternative can match in a language, lower-cased. */
interface Lexicon {
  single: Set<string>;
  /** Entries with a space or hyphen ("dix-sept", "mil milhões"), longest first. */
  multi: string[];
  /** Russian stems that take any ending (миллионов, января). */
  stems: RegExp | null;
  /** Russian stems' first two letters, lower-cased, as stemPair(first, second): a word opening otherwise is no stem word. */
  stemPairs: Set<number>;
  /** shape(first letter, length) of every single entry and of every multi-part entry's first part: most words fail this at once. */
  shapes: Set<number>;
  /** The low 16 bits of every shape, as a table: most words are ruled out by one array read. */
  shapeBits: Uint8Array;
  /**
   * ends(first letter, last letter, length) of every single entry and of every entry's leading run of letters (all
   * lower-cased), as a table: the run a word is looked up by must be one of these. "the" has the shape of "two" and
   * "ten", not their ends.
   */
  endBits: Uint8Array;
}

const shape = (lowerFirst: number, length: number) => lowerFirst * 64 + Math.min(length, 63);
const ends = (lowerFirst: number, lowerLast: number, length: number) =>
  (Math.imul(lowerFirst, 0x9e3779b1) ^ Math.imul(lowerLast, 0x85ebca6b) ^ Math.imul(length, 0x27d4eb2f)) >>> 16;
const LEADING_LETTERS = /^\p{L}*/u;
const stemPair = (lowerFirst: number, lowerSecond: number) => lowerFirst * 0x10000 + lowerSecond;

// Lower-cased code units, worked out on first sight (0: not yet).
const lowerTable = new Uint16Array(0x10000);
function lowerOf(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let lower = lowerTable[code];
  if (lower === 0) {
    const folded = String.fromCharCode(code).toLowerCase();
    lowerTable[code] = lower = folded.length === 1 ? folded.charCodeAt(0) : code;
  }
  return lower;
}

const lexicons = new Map<string, Lexicon | null>();
function lexiconFor(lang: string): Lexicon | null {
  let lexicon = lexicons.get(lang);
  if (lexicon === undefined) {
    const words = WORDS[lang];
    lexicon = null;
    if (words) {
      const lower = [...words.keys()].map((w) => w.toLowerCase());
      const multi = lower.filter((w) => /[\s-]/.test(w));
      const firstParts = multi.map((w) => w.split(/[\s-]/)[0]);
      const single = lower.filter((w) => !/[\s-]/.test(w));
      lexicon = {
        single: new Set(single),
        multi: multi.sort((a, b) => b.length - a.length),
        stems: lang === "ru" ? new RegExp(`^(?:${RU_STEM_WORD.source.slice(2, -1).replace("ма[йяею]$", "ма[йяею]")})`) : null,
        // Every alternative of RU_STEM_WORD opens with two plain letters.
        stemPairs: new Set(lang === "ru" ? RU_STEM_WORD.source.slice(2, -1).split("|").map((stem) => stemPair(stem.charCodeAt(0), stem.charCodeAt(1))) : []),
        shapes: new Set([...single, ...firstParts].map((w) => shape(w.charCodeAt(0), w.length))),
        shapeBits: new Uint8Array(0x10000),
        endBits: new Uint8Array(0x10000),
      };
      for (const s of lexicon.shapes) lexicon.shapeBits[s & 0xffff] = 1;
      for (const entry of lower) {
        const run = entry.match(LEADING_LETTERS)![0];
        if (run) lexicon.endBits[ends(run.charCodeAt(0), run.charCodeAt(run.length - 1), run.length)] = 1;
      }
    }
    lexicons.set(lang, lexicon);
  }
  return lexicon;
}

const NUMBER_AT = new RegExp(`(${DATE})|(${DIGITS})`, "y");
const ASTRAL = /[\ud800-\udfff]/;

/**
 * The same tokens as rawTokensLatinByRegex, found by a scan: digits through a sticky regex where
 * they start, and whole letter runs looked up in the language's words. The word regex's
 * case-insensitive alternation was most of the numbers check's time.
 */
function rawTokensLatin(text: string, lang: string, strict: boolean): RawToken[] {
  if (ASTRAL.test(text)) return rawTokensLatinByRegex(text, lang, strict);
  const lexicon = lexiconFor(lang);
  const out: RawToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      NUMBER_AT.lastIndex = i;
      const match = NUMBER_AT.exec(text)!; // \d+ always matches at a digit
      const end = i + match[0].length;
      if (match[1]) out.push({ start: i, end, text: match[0], kind: "date", values: [], digits: true });
      else out.push({ start: i, end, text: match[0], kind: "num", values: parseDigits(match[0]), digits: true });
      i = end;
      continue;
    }
    if (!lexicon || !(lnOf(code) & LETTER)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && lnOf(text.charCodeAt(end)) & LETTER) end++;
    // A word starts after neither a letter nor a number, and ends before neither.
    if (i > 0 && lnOf(text.charCodeAt(i - 1)) & (LETTER | NUMBER)) {
      i = end;
      continue;
    }
    const wordEnd = matchWordAt(text, i, end, lexicon);
    if (wordEnd !== -1) {
      pushWord(out, lang, strict, text, i, wordEnd);
      i = wordEnd;
    } else {
      i = end;
    }
  }
  return out;
}

function boundaryAt(text: string, at: number): boolean {
  return at >= text.length || !(lnOf(text.charCodeAt(at)) & (LETTER | NUMBER));
}

/** Where the word alternative's match starting at a letter run [start, end) ends, or -1. */
function matchWordAt(text: string, start: number, end: number, lexicon: Lexicon): number {
  const first = lowerOf(text.charCodeAt(start));
  const wordShape = shape(first, end - start);
  const known =
    lexicon.shapeBits[wordShape & 0xffff] === 1 &&
    lexicon.shapes.has(wordShape) &&
    lexicon.endBits[ends(first, lowerOf(text.charCodeAt(end - 1)), end - start)] === 1;
  // A stem word has three letters at least (ма[йяею]), each a code unit of the text.
  const stem = lexicon.stems !== null && end - start >= 3 && lexicon.stemPairs.has(stemPair(first, lowerOf(text.charCodeAt(start + 1))));
  if (!known && !stem) return -1;
  const run = text.slice(start, end).toLowerCase();
  if (lexicon.stems && boundaryAt(text, end) && lexicon.stems.test(run)) return end;
  for (const entry of lexicon.multi) {
    if (entry.length <= run.length || !entry.startsWith(run)) continue;
    const to = start + entry.length;
    if (to <= text.length && text.slice(start, to).toLowerCase() === entry && boundaryAt(text, to)) return to;
  }
  return boundaryAt(text, end) && lexicon.single.has(run) ? end : -1;
}

const ONLY_SPACE = /^[\s\u00a0\u202f]*$/;

/**
 * Quantities in a text: numbers with their scale words combined ("7
 * Milliarden", "mil millones", "70亿"), number words, months and dates split
 * into year, month and day. `strict` (for the source) skips readings that are
 * often not numbers at all, such as 一 inside a word or "one".
 */
export function extractQuantities(input: string, lang: string, strict = false): Quantity[] {
  const text = narrowDigits(input);
  const base = baseLang(lang);
  const raw = base === "zh" || base === "ja" ? rawTokensCjk(text, strict) : rawTokensLatin(text, base, strict);
  const out: Quantity[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i];
    if (token.kind === "date") {
      for (const part of token.text.matchAll(/\d+/g)) {
        const at = token.start + part.index;
        out.push({ start: at, end: at + part[0].length, text: part[0], values: [Number(part[0])], digits: true, bare: false });
      }
      continue;
    }
    let values = token.values;
    let end = token.end;
    const bare = token.kind === "scale";
    let digits = token.digits;
    if (token.kind === "num" || token.kind === "scale") {
      let lastScale = token.kind === "scale" ? token.values[0] : 0;
      while (i + 1 < raw.length && raw[i + 1].kind === "scale" && raw[i + 1].values[0] > lastScale && ONLY_SPACE.test(text.slice(end, raw[i + 1].start))) {
        const scale = raw[i + 1].values[0];
        lastScale = scale;
        values = values.map((v) => v * scale);
        end = raw[i + 1].end;
        digits = digits || raw[i + 1].digits;
        i++;
      }
    }
    out.push({ start: token.start, end, text: input.slice(token.start, end), values, digits: digits && !bare, bare });
  }
  return out;
}

/** Equal up to floating-point noise. */
export function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
