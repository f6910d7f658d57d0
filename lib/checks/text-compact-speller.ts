import type { Speller } from "./types";

/**
 * A spelling dictionary packed into typed arrays, answering exactly as nspell's
 * `correct` does. nspell expands every affixed form into one object: French and
 * Spanish hold millions of forms, some 450 MB of small heap objects that every
 * full garbage collection walks (seconds each, with all four dictionaries). Packed,
 * the forms live outside the JavaScript heap, so the collector no longer sees them.
 */

/** The parts of an nspell instance that `correct` reads. */
interface NspellParts {
  data: Record<string, string[]>;
  flags: Record<string, unknown>;
  conversion: { in: [RegExp, string][] };
  compoundRules: RegExp[];
}

const FORBIDDEN = 1;
const ONLY_IN_COMPOUND = 2;
const KEEP_CASE = 4;

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

class PackedForms {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly starts: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly marks: Uint8Array;
  private readonly chars: Uint16Array;
  private count = 0;
  private used = 0;

  constructor(forms: number, chars: number) {
    let size = 1;
    while (size < forms * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.starts = new Uint32Array(forms);
    this.lengths = new Uint16Array(forms);
    this.marks = new Uint8Array(forms);
    this.chars = new Uint16Array(chars);
  }

  add(form: string, marks: number): void {
    const index = this.count++;
    this.starts[index] = this.used;
    this.lengths[index] = form.length;
    this.marks[index] = marks;
    for (let i = 0; i < form.length; i++) this.chars[this.used++] = form.charCodeAt(i);
    let slot = hashOf(form) & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot] = index;
  }

  /** The form's marks, or -1 when it is not in the dictionary. */
  marksOf(form: string): number {
    for (let slot = hashOf(form) & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot];
      if (index === -1) return -1;
      if (this.lengths[index] !== form.length) continue;
      const start = this.starts[index];
      let i = 0;
      while (i < form.length && this.chars[start + i] === form.charCodeAt(i)) i++;
      if (i === form.length) return this.marks[index];
    }
  }
}

class CompactSpeller implements Speller {
  constructor(
    private readonly forms: PackedForms,
    private readonly conversions: [RegExp, string][],
    private readonly compoundRules: RegExp[],
    private readonly compoundMin: number,
  ) {}

  correct(word: string): boolean {
    let normal = word.trim();
    if (!normal) return false;
    for (const [pattern, replacement] of this.conversions) normal = normal.replace(pattern, replacement);
    if (this.exact(normal)) return normal !== "" && !this.has(normal, FORBIDDEN);
    // An upper-case word may be a sentence-case one; any word may be a lower-case one, unless the dictionary keeps its case.
    if (normal.toUpperCase() === normal) {
      const sentence = normal.charAt(0) + normal.slice(1).toLowerCase();
      if (this.ignored(sentence)) return false;
      if (this.exact(sentence)) return sentence !== "";
    }
    const lower = normal.toLowerCase();
    if (lower !== normal) {
      if (this.ignored(lower)) return false;
      if (this.exact(lower)) return lower !== "";
    }
    return false;
  }

  private has(form: string, mark: number): boolean {
    const marks = this.forms.marksOf(form);
    return marks !== -1 && (marks & mark) !== 0;
  }

  private ignored(form: string): boolean {
    return this.has(form, KEEP_CASE | FORBIDDEN);
  }

  private exact(form: string): boolean {
    const marks = this.forms.marksOf(form);
    if (marks !== -1) return (marks & ONLY_IN_COMPOUND) === 0;
    if (form.length >= this.compoundMin) for (const rule of this.compoundRules) if (rule.test(form)) return true;
    return false;
  }
}

/**
 * Packs a loaded nspell instance, yielding now and then so that a server can
 * keep answering meanwhile (drive it with `for…of`, or with awaits between
 * steps). The nspell instance can be dropped afterwards.
 */
export function* packSpeller(nspell: unknown, step = 100_000): Generator<void, Speller> {
  const parts = nspell as NspellParts;
  const flags = parts.flags;
  const codeOf = (name: string) => (name in flags ? flags[name] : undefined);
  const forbidden = codeOf("FORBIDDENWORD");
  const onlyInCompound = codeOf("ONLYINCOMPOUND");
  const keepCase = codeOf("KEEPCASE");
  const words = Object.keys(parts.data);
  let chars = 0;
  for (const word of words) chars += word.length;
  const forms = new PackedForms(words.length, chars);
  for (let i = 0; i < words.length; i++) {
    const codes = parts.data[words[i]];
    let marks = 0;
    if (forbidden !== undefined && codes.indexOf(forbidden as string) > -1) marks |= FORBIDDEN;
    if (onlyInCompound !== undefined && codes.indexOf(onlyInCompound as string) > -1) marks |= ONLY_IN_COMPOUND;
    if (keepCase !== undefined && codes.indexOf(keepCase as string) > -1) marks |= KEEP_CASE;
    forms.add(words[i], marks);
    if (i % step === step - 1) yield;
  }
  const compoundMin = Number(flags.COMPOUNDMIN);
  return new CompactSpeller(forms, parts.conversion.in, parts.compoundRules, compoundMin);
}

/** packSpeller, all at once. */
export function packSpellerNow(nspell: unknown): Speller {
  const steps = packSpeller(nspell);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}
