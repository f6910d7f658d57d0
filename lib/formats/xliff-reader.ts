import { SEGMENT_KINDS, type SegmentKind } from "../text/segment-kinds";
import { ANNOTATION_FIELDS, VERSO_NS } from "./verso-xliff-extension";
import { attributeOf, childElements, formatErrorAt, parseXml, positionOf, type XmlElement } from "./xml-tree";
import type { ExportAnnotation } from "./types";

export interface XliffUnit {
  id: string;
  kind: SegmentKind;
  source: string;
  /** Null when the unit has no translation yet. */
  target: string | null;
  annotations: Omit<ExportAnnotation, "id">[];
}

export interface XliffDocument {
  xliffVersion: "1.2" | "2.0";
  sourceLang: string;
  targetLang: string | null;
  /** The verso:status of the first <file>, when a Verso export wrote it. */
  status: string | null;
  units: XliffUnit[];
}

const NAMESPACES = { "urn:oasis:names:tc:xliff:document:1.2": "1.2", "urn:oasis:names:tc:xliff:document:2.0": "2.0" } as const;
// In XLIFF 1.2 these hold the original format's markup (e.g. "&lt;b&gt;"), not text.
const NATIVE_CODE_12 = new Set(["bpt", "ept", "ph", "it"]);
const SEVERITIES: readonly ExportAnnotation["severity"][] = ["major", "minor", "neutral"];
const STATUSES: readonly ExportAnnotation["status"][] = ["open", "applied", "rejected", "resolved"];

/** Reads an XLIFF 1.2 or 2.0 file, from Verso or another tool, into units of plain text. */
export function readXliff(text: string, fileName: string): XliffDocument {
  const root = parseXml(text, fileName);
  const fail = (element: XmlElement, reason: string, field?: string) =>
    formatErrorAt(fileName, positionOf(text.replace(/^\uFEFF/, ""), element.offset), reason, field);

  if (root.local !== "xliff") throw fail(root, `not XLIFF: root element is <${root.name}>`);
  const declared = attributeOf(root, "version");
  const version = declared ?? (root.uri in NAMESPACES ? NAMESPACES[root.uri as keyof typeof NAMESPACES] : null);
  if (version === null) throw fail(root, "not XLIFF: <xliff> has no version", "version");
  if (version !== "1.2" && version !== "2.0") throw fail(root, `XLIFF version ${version} is not supported`, "version");

  const document = version === "2.0" ? readVersion20(root, fail) : readVersion12(root, fail);
  if (document.units.length === 0) throw fail(root, "the file has no translation units");
  return document;
}

type Fail = (element: XmlElement, reason: string, field?: string) => Error;

function readVersion20(root: XmlElement, fail: Fail): XliffDocument {
  const sourceLang = attributeOf(root, "srcLang");
  if (!sourceLang) throw fail(root, "<xliff> has no srcLang", "srcLang");
  const files = childElements(root, "file");
  const units: XliffUnit[] = [];
  const walk = (container: XmlElement) => {
    for (const child of childElements(container)) {
      if (child.local === "group") walk(child);
      else if (child.local === "unit") units.push(readUnit20(child, fail));
    }
  };
  files.forEach(walk);
  return {
    xliffVersion: "2.0",
    sourceLang,
    targetLang: attributeOf(root, "trgLang"),
    status: files.length > 0 ? attributeOf(files[0], "status", VERSO_NS) : null,
    units,
  };
}

function readUnit20(unit: XmlElement, fail: Fail): XliffUnit {
  const id = attributeOf(unit, "id");
  if (id === null) throw fail(unit, "<unit> has no id", "id");
  const where = `unit id="${id}"`;
  // Segments and the ignorable text between them make up the unit's text, in order.
  const parts = childElements(unit).filter((child) => child.local === "segment" || child.local === "ignorable");
  if (!parts.some((part) => part.local === "segment")) throw fail(unit, `${where}: no <segment>`, "segment");
  const pieces = parts.map((part) => {
    const source = childElements(part, "source")[0];
    if (!source) throw fail(part, `${where}: <${part.local}> without <source>`, "source");
    const target = childElements(part, "target")[0];
    const sourceText = flatten(source, "2.0");
    // An ignorable without a target stays as it is in the source, e.g. the space between two sentences.
    return { source: sourceText, target: target ? flatten(target, "2.0") : part.local === "ignorable" ? sourceText : null };
  });
  const translated = parts.some((part) => childElements(part, "target").length > 0);
  const notes = childElements(unit, "notes").flatMap((notesElement) => childElements(notesElement, "note"));
  return {
    id,
    kind: kindOf(attributeOf(unit, "type"), "verso:"),
    source: pieces.map((piece) => piece.source).join(""),
    target: translated ? pieces.map((piece) => piece.target ?? "").join("") : null,
    annotations: versoAnnotations(notes, where, fail),
  };
}

function readVersion12(root: XmlElement, fail: Fail): XliffDocument {
  const files = childElements(root, "file");
  if (files.length === 0) throw fail(root, "<xliff> has no <file>", "file");
  const sourceLang = attributeOf(files[0], "source-language");
  if (!sourceLang) throw fail(files[0], "<file> has no source-language", "source-language");
  const units: XliffUnit[] = [];
  const walk = (container: XmlElement) => {
    for (const child of childElements(container)) {
      if (child.local === "group" || child.local === "body") walk(child);
      else if (child.local === "trans-unit") units.push(readTransUnit(child, fail));
    }
  };
  files.forEach(walk);
  return {
    xliffVersion: "1.2",
    sourceLang,
    targetLang: attributeOf(files[0], "target-language"),
    status: attributeOf(files[0], "status", VERSO_NS),
    units,
  };
}

function readTransUnit(unit: XmlElement, fail: Fail): XliffUnit {
  const id = attributeOf(unit, "id");
  if (id === null) throw fail(unit, "<trans-unit> has no id", "id");
  const where = `trans-unit id="${id}"`;
  const source = childElements(unit, "source")[0];
  if (!source) throw fail(unit, `${where}: <source> missing`, "source");
  const target = childElements(unit, "target")[0];
  return {
    id,
    kind: kindOf(attributeOf(unit, "restype"), "x-"),
    source: flatten(source, "1.2"),
    target: target ? flatten(target, "1.2") : null,
    annotations: versoAnnotations(childElements(unit, "note"), where, fail),
  };
}

/** Text content with inline markup (g, x, bx, ex, mrk, pc, sm, em, …) reduced to the text it wraps. */
function flatten(element: XmlElement, version: "1.2" | "2.0"): string {
  return element.children
    .map((child) => {
      if (typeof child === "string") return child;
      if (version === "1.2" && NATIVE_CODE_12.has(child.local)) return "";
      if (version === "2.0" && child.local === "cp") return codePoint(attributeOf(child, "hex"));
      return flatten(child, version);
    })
    .join("");
}

/** XLIFF 2.0 <cp hex="…"/> stands for a character XML cannot carry. */
function codePoint(hex: string | null): string {
  const value = hex !== null && /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
  return value <= 0x10ffff ? String.fromCodePoint(value) : "";
}

function kindOf(type: string | null, prefix: string): SegmentKind {
  const kind = type?.startsWith(prefix) ? type.slice(prefix.length) : null;
  return SEGMENT_KINDS.find((known) => known === kind) ?? "paragraph";
}

/** Notes that carry verso:* attributes are Verso annotations; other tools' notes are comments and skipped. */
function versoAnnotations(notes: XmlElement[], where: string, fail: Fail): Omit<ExportAnnotation, "id">[] {
  return notes.filter((note) => note.attributes.some((a) => a.uri === VERSO_NS)).map((note) => readAnnotation(note, where, fail));
}

function readAnnotation(note: XmlElement, where: string, fail: Fail): Omit<ExportAnnotation, "id"> {
  const value = (field: (typeof ANNOTATION_FIELDS)[number]) => attributeOf(note, field, VERSO_NS);
  const required = (field: (typeof ANNOTATION_FIELDS)[number]) => {
    const found = value(field);
    if (found === null) throw fail(note, `${where}: annotation note has no verso:${field}`, `verso:${field}`);
    return found;
  };
  const offset = (field: "start" | "end") => {
    const found = required(field);
    if (!/^\d+$/.test(found)) throw fail(note, `${where}: verso:${field}="${found}" is not an offset`, `verso:${field}`);
    return Number(found);
  };
  const oneOf = <T extends string>(field: "severity" | "status", allowed: readonly T[]): T => {
    const found = required(field);
    const match = allowed.find((option) => option === found);
    if (match === undefined) throw fail(note, `${where}: verso:${field}="${found}" is not one of ${allowed.join(", ")}`, `verso:${field}`);
    return match;
  };
  const start = offset("start");
  const end = offset("end");
  if (end < start) throw fail(note, `${where}: verso:end ${end} is before verso:start ${start}`, "verso:end");
  return {
    start,
    end,
    quote: required("quote"),
    category: required("category"),
    severity: oneOf("severity", SEVERITIES),
    status: oneOf("status", STATUSES),
    note: value("note"),
    suggestion: value("suggestion"),
    origin: required("origin"),
    author: value("author"),
  };
}
