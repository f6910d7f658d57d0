/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab,
 * LF and CR, lone surrogates, U+FFFE and U+FFFF. A strict reader refuses them.
 */
const FORBIDDEN_IN_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenXmlChars(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, "");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };

// Anything xmlText changes: most texts hold none of it and are returned as they are.
const NEEDS_ESCAPING = /[&<>"'\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Element content. CR is written as a reference because parsers turn a raw CR into LF. */
export function xmlText(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  return stripForbiddenXmlChars(value).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
}

/** Attribute value, double-quoted. Tab and line breaks become references so that attribute normalisation keeps them. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
