// Character classes per UTF-16 code unit, computed on first sight: the tokenisers run over every
// segment of every version, so they avoid a Unicode regex per character.
import type { CheckVersion } from "./types";

/** One word of a segment, with its UTF-16 offsets into the segment text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const OTHER = 1;
const LATIN = 2; // Latin letter or digit
const SPACED = 3; // letter or digit of another spaced script (Cyrillic, Greek, Arabic…)
const MARK = 4; // combining mark: continues whatever word it follows
const UNSPACED = 5; // Han, kana, Hangul: no spaces between words
const UPPER_FLAG = 8;
const CLASS_MASK = 7;

const table = new Uint8Array(0x10000);

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return UNSPACED; // astral: mostly CJK extensions and emoji
  const ch = String.fromCharCode(code);
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u.test(ch)) return UNSPACED;
  if (/\p{M}/u.test(ch)) return MARK;
  const upper = /\p{Lu}/u.test(ch) ? UPPER_FLAG : 0;
  if (/[\p{Script=Latin}0-9]/u.test(ch)) return LATIN | upper;
  if (/[\p{L}\p{N}]/u.test(ch)) return SPACED | upper;
  return OTHER;
}

/** The class of a code unit with its upper-case flag. */
function flagsOf(code: number): number {
  let c = table[code];
  if (c === 0) table[code] = c = classify(code);
  return c;
}

function classOf(code: number): number {
  return flagsOf(code) & CLASS_MASK;
}

// The common case, filled up front so the tokenisers' hot loops skip the lazy table.
const ASCII_FLAGS = Uint8Array.from({ length: 128 }, (_, code) => flagsOf(code));
const ASCII_CLASS = ASCII_FLAGS.map((flags) => flags & CLASS_MASK);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUnspaced(ch: string): boolean {
  return classOf(ch.charCodeAt(0)) === UNSPACED;
}

/** A letter, mark or digit of a spaced script: the characters a word boundary must not cut. */
export function isWordChar(ch: string): boolean {
  const c = classOf(ch.charCodeAt(0));
  return c === LATIN || c === SPACED || c === MARK;
}

/** Tokenises by a bit mask of the classes that make up a word (bit n set: class n belongs). */
function scan(text: string, inWord: number, needsLetter: boolean): Word[] {
  const out: Word[] = [];
  let start = -1;
  let letter = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const c = code < 128 ? ASCII_CLASS[code] : classOf(code);
    if ((inWord >> c) & 1 && (c !== MARK || start !== -1)) {
      if (start === -1) {
        start = i;
        letter = false;
      }
      if (!letter && !isDigit(code)) letter = true;
    } else if (start !== -1) {
      if (letter || !needsLetter) out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}

const spacedWordChar = (1 << LATIN) | (1 << SPACED) | (1 << MARK);
const latinWordChar = (1 << LATIN) | (1 << MARK);

/** Words of spaced scripts (Latin, Cyrillic, Greek…), mixed scripts kept together; hyphens and apostrophes split. */
export function words(text: string): Word[] {
  return scan(text, spacedWordChar, false);
}

/** Whether `word` is one of words(text), found without tokenising the text. */
export function hasWord(text: string, word: string): boolean {
  if (word.length === 0 || classOf(word.charCodeAt(0)) === MARK) return false;
  for (let i = 0; i < word.length; i++) if (!((spacedWordChar >> classOf(word.charCodeAt(i))) & 1)) return false;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (end < text.length && (spacedWordChar >> classOf(text.charCodeAt(end))) & 1) continue;
    // Marks before the word continue a word only if a letter or digit precedes them.
    let j = at - 1;
    while (j >= 0 && classOf(text.charCodeAt(j)) === MARK) j--;
    const before = j >= 0 ? classOf(text.charCodeAt(j)) : OTHER;
    if (before === LATIN || before === SPACED) continue;
    return true;
  }
  return false;
}

// l, 1 and | read as I; 0 reads as O (the look-alike key of lookalikeKey in text-words.ts).
const keyCode = (code: number) => (code === 108 || code === 49 || code === 124 ? 73 : code === 48 ? 79 : code);

/** Whether a code unit has look-alikes (l, I, 1, |, O, 0): a word without any is its key's only spelling. */
export function isSwappable(code: number): boolean {
  return code === 108 || code === 49 || code === 124 || code === 73 || code === 79 || code === 48;
}

/**
 * Whether words(text) holds a word other than `word` with the same look-alike key, found without
 * tokenising the text; null when the word is all look-alike characters (no letter to search for).
 */
export function hasLookalikeWord(text: string, word: string): boolean | null {
  let swappable = false;
  for (let i = 0; i < word.length && !swappable; i++) swappable = isSwappable(word.charCodeAt(i));
  if (!swappable) return false;
  // Anchored on the first character without look-alikes: every spelling with the key has it unchanged.
  let k = 0;
  while (k < word.length && isSwappable(word.charCodeAt(k))) k++;
  if (k === word.length) return null;
  const anchor = word[k];
  for (let at = text.indexOf(anchor, k); at !== -1; at = text.indexOf(anchor, at + 1)) {
    const start = at - k;
    const end = start + word.length;
    if (end > text.length) break;
    let same = true;
    let fits = true;
    for (let i = 0; i < word.length; i++) {
      const a = text.charCodeAt(start + i);
      const b = word.charCodeAt(i);
      if (a !== b) {
        same = false;
        if (keyCode(a) !== keyCode(b)) fits = false;
      }
      if (!fits || !((spacedWordChar >> classOf(a)) & 1)) {
        fits = false;
        break;
      }
    }
    if (!fits || same || classOf(text.charCodeAt(start)) === MARK) continue;
    if (end < text.length && (spacedWordChar >> classOf(text.charCodeAt(end))) & 1) continue;
    let j = start - 1;
    while (j >= 0 && classOf(text.charCodeAt(j)) === MARK) j--;
    const before = j >= 0 ? classOf(text.charCodeAt(j)) : OTHER;
    if (before === LATIN || before === SPACED) continue;
    return true;
  }
  return false;
}

/** Runs of Latin letters and digits that hold a letter: the words a name check compares across languages. */
export function latinWords(text: string): Word[] {
  return scan(text, latinWordChar, true);
}

/** words(text) that mix Latin letters with Cyrillic or Greek ones (see mixesScripts), without slicing out the others. */
export function mixedScriptWords(text: string): Word[] {
  const out: Word[] = [];
  let start = -1;
  let latin = false;
  let other = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const c = code < 128 ? ASCII_CLASS[code] : classOf(code);
    if ((spacedWordChar >> c) & 1 && (c !== MARK || start !== -1)) {
      if (start === -1) {
        start = i;
        latin = false;
        other = false;
      }
      if (c === LATIN && !isDigit(code)) latin = true;
      else if (code >= 0x370 && code <= 0x52f) other = true;
    } else if (start !== -1) {
      if (latin && other) out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}

/** Whether a word mixes Latin letters with Cyrillic or Greek ones (the raw material of homoglyphs). */
export function mixesScripts(word: string): boolean {
  let latin = false;
  let other = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const c = classOf(code);
    if (c === LATIN && !(code >= 48 && code <= 57)) latin = true;
    else if (code >= 0x370 && code <= 0x52f) other = true;
  }
  return latin && other;
}

/** Whether most letters of a version are Latin (sampled from its first segments). */
export function isLatinVersion(version: CheckVersion): boolean {
  let latin = 0;
  let letters = 0;
  for (const segment of version.segments) {
    const text = segment.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = classOf(code);
      if (c === LATIN && !(code >= 48 && code <= 57)) latin++;
      else if (c !== SPACED && c !== UNSPACED) continue;
      letters++;
    }
    if (letters > 2000) break;
  }
  return letters > 0 && latin * 2 > letters;
}

/** Whether a word has an upper-case letter after a lower-case one, or an acronym running into a word (ScalingLaws, AIResearch). */
export function looksCamel(word: string): boolean {
  let ascii = true;
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 127) ascii = false;
    if (code >= 65 && code <= 90) {
      const prev = word.charCodeAt(i - 1);
      if (prev >= 97 && prev <= 122) return true;
      const next = word.charCodeAt(i + 1);
      if (prev >= 65 && prev <= 90 && next >= 97 && next <= 122) return true;
    }
  }
  return !ascii && CAMEL.test(word);
}

const CAMEL = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

/** A word holding a capital (or a Latin digit-letter mix), and whether it opens a sentence. */
export interface CapitalWord extends Word {
  /** Only Latin letters and digits. */
  latin: boolean;
  /** First in its sentence, where any word is capitalised. */
  initial: boolean;
}

/** . ! ? : 。 ！ ？ … */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 58 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x2026;
}

const isWordClass = (c: number) => c === LATIN || c === SPACED;

/** Where the word holding text[at] starts: back over letters and digits, and over marks that follow one. */
function wordStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const c = classOf(text.charCodeAt(start - 1));
    if (isWordClass(c)) {
      start--;
    } else if (c === MARK) {
      let j = start - 1;
      while (j > 0 && classOf(text.charCodeAt(j - 1)) === MARK) j--;
      if (j === 0 || !isWordClass(classOf(text.charCodeAt(j - 1)))) break;
      start = j;
    } else {
      break;
    }
  }
  return start;
}

/** Whether a word starting at `start` is first in its sentence: back to the start or a sentence end, no word and no Han, kana or Hangul. */
function opensSentence(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const code = text.charCodeAt(k);
    const c = classOf(code);
    if (c === LATIN || c === SPACED || c === UNSPACED) return false;
    if (c === MARK) {
      // Marks after a letter or digit end a word; marks after anything else count for nothing.
      let j = k;
      while (j > 0 && classOf(text.charCodeAt(j - 1)) === MARK) j--;
      if (j > 0 && isWordClass(classOf(text.charCodeAt(j - 1)))) return false;
      k = j;
      continue;
    }
    if (isSentenceEnd(code)) return true;
  }
  return true;
}

// Capital words repeat across texts and versions (some six hundred forms in 76,000 uses over the
// benchmark article): each short form is kept once, found by a hash of the text's code units, so a
// text's words add no strings of their own (less to allocate and for GC to copy, and Map and Set
// look-ups of a form reuse its cached hash). Longer words are sliced as before: a slice of 13 code
// units or more points into its whole text, which the table would keep alive.
const INTERN_MAX_LENGTH = 12;
const INTERN_MAX_SIZE = 1 << 16;
let internForms: (string | undefined)[] = new Array<string | undefined>(1024);
let internHashes = new Int32Array(1024);
let internCount = 0;

function hashUnits(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  // The table indexes by the low bits, which multiplication alone leaves depending on few of the code units.
  return hash ^ (hash >>> 15);
}

function holdsUnits(form: string, text: string, start: number): boolean {
  for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function storeForm(form: string, hash: number): void {
  const mask = internForms.length - 1;
  let slot = hash & mask;
  while (internForms[slot] !== undefined) slot = (slot + 1) & mask;
  internForms[slot] = form;
  internHashes[slot] = hash;
  internCount++;
}

/** Room for one more form: the table doubles up to its cap, then starts afresh (interning is only an economy). */
function makeRoomForForm(): void {
  if (2 * (internCount + 1) <= internForms.length) return;
  const old = internForms;
  const oldHashes = internHashes;
  const size = old.length < INTERN_MAX_SIZE ? 2 * old.length : old.length;
  internForms = new Array<string | undefined>(size);
  internHashes = new Int32Array(size);
  internCount = 0;
  if (size === old.length) return;
  for (let slot = 0; slot < old.length; slot++) if (old[slot] !== undefined) storeForm(old[slot]!, oldHashes[slot]);
}

/** text.slice(start, end), the same string object for the same short form each time. */
function formAt(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > INTERN_MAX_LENGTH) return text.slice(start, end);
  const hash = hashUnits(text, start, end);
  const mask = internForms.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const form = internForms[slot];
    if (form === undefined) break;
    if (internHashes[slot] === hash && form.length === length && holdsUnits(form, text, start)) return form;
  }
  const form = text.slice(start, end);
  makeRoomForForm();
  storeForm(form, hash);
  return form;
}

// The words found in one text, gathered here and copied out at their exact length: the lists live as long
// as a run, one per text, and a list grown by push keeps room for 16 or more.
const foundWords: CapitalWord[] = [];

/**
 * The words of spaced scripts that hold a capital letter: names, German nouns, CamelCase joins,
 * look-alike swaps (OpenAl, 0penAI). The scan looks only for upper-case letters and works out the
 * word around each one, so lower-case words, most of a text, cost one table read per character.
 */
export function capitalWords(text: string): CapitalWord[] {
  const out = foundWords;
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if ((code < 128 ? ASCII_FLAGS[code] : flagsOf(code)) & UPPER_FLAG) break;
    }
    if (i === n) break;
    const start = wordStart(text, i);
    let latin = true;
    for (let k = start; k < i; k++) if (classOf(text.charCodeAt(k)) === SPACED) latin = false;
    let end = i;
    for (; end < n; end++) {
      const c = classOf(text.charCodeAt(end));
      if (c === SPACED) latin = false;
      else if (c !== LATIN && c !== MARK) break;
    }
    out[count++] = { text: formAt(text, start, end), start, end, latin, initial: opensSentence(text, start) };
    i = end;
  }
  return out.slice(0, count);
}
