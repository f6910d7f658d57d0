import { SaxesParser } from "saxes";
import { FormatError } from "./types";

export interface XmlAttribute {
  local: string;
  /** Namespace URI; "" for an unprefixed attribute. */
  uri: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "verso:note". */
  name: string;
  local: string;
  /** Namespace URI; "" when the element is in no namespace. */
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Index of the element's "<" in the parsed text, for error positions. */
  offset: number;
}

export type XmlNode = XmlElement | string;

/** 1-based line and column (in code points) of an index into text; CRLF, CR and LF each end a line. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return { line: breaks.length + 1, column: [...before.slice(lineStart)].length + 1 };
}

/** A FormatError naming the file, the position and, when given, the field. */
export function formatErrorAt(fileName: string, position: { line: number; column: number }, reason: string, field?: string): FormatError {
  return new FormatError(`${fileName}: ${reason} (line ${position.line}, column ${position.column})`, {
    file: fileName,
    line: position.line,
    column: position.column,
    ...(field === undefined ? {} : { field }),
  });
}

/**
 * Parses a whole XML document into a tree with a strict, namespace-aware
 * parser. Any DOCTYPE is refused, which rules out external entities, parameter
 * entities and entity expansion bombs; an entity other than the five
 * predefined ones is an error; nothing is ever fetched.
 */
export function parseXml(input: string, fileName: string): XmlElement {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const first = text.search(/\S/);
  if (first < 0) throw new FormatError(`${fileName}: the file is empty`, { file: fileName });
  if (text[first] !== "<") throw formatErrorAt(fileName, positionOf(text, first), "not XML: the file does not start with a tag");

  const parser = new SaxesParser({ xmlns: true, fileName });
  const refuseDoctype = (): FormatError =>
    formatErrorAt(fileName, positionOf(text, Math.max(0, text.lastIndexOf("<!DOCTYPE", parser.position))), "DOCTYPE declarations are not allowed");

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("doctype", () => {
    throw refuseDoctype();
  });
  parser.on("error", (error) => {
    // A DTD can be malformed before its end is seen; it is still a DOCTYPE.
    if (root === null && text.lastIndexOf("<!DOCTYPE", parser.position) >= 0) throw refuseDoctype();
    // saxes reads a bare "&" up to the next ";" or the end of the file, and would report the error there.
    const ampersand = bareAmpersand(text);
    if (ampersand >= 0 && ampersand < parser.position) {
      throw formatErrorAt(fileName, positionOf(text, ampersand), 'not well-formed XML: a bare "&" must be written "&amp;"');
    }
    const reason = error.message.replace(/^.*?:\d+:\d+: /, "").replace(/\.$/, "");
    throw formatErrorAt(fileName, { line: parser.line, column: Math.max(1, parser.column) }, `not well-formed XML: ${reason}`);
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes)
        .filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns")
        .map((a) => ({ local: a.local, uri: a.uri, value: a.value })),
      children: [],
      offset: text.lastIndexOf(`<${tag.name}`, parser.position),
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const addText = (value: string) => {
    stack.at(-1)?.children.push(value);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(text).close();
  if (root === null) throw new FormatError(`${fileName}: not XML: no root element`, { file: fileName });
  return root;
}

/** Index of the first "&" that starts no entity or character reference, outside comments, CDATA and processing instructions; -1 if none. */
function bareAmpersand(text: string): number {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (region) => " ".repeat(region.length));
  return blanked.search(/&(?![A-Za-z_:][\w.:-]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/);
}

/** The value of an attribute by local name and namespace, or null. */
export function attributeOf(element: XmlElement, local: string, uri = ""): string | null {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value ?? null;
}

/** Child elements, optionally only those with the given local name. */
export function childElements(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (local === undefined || child.local === local));
}
