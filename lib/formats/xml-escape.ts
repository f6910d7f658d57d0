/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab,
 * LF and CR, lone surrogates, U+FFFE and U+FFFF. A strict reader refuses them.
 */
const FORBIDDEN_IN_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenXmlChars(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, "");
}

/** Element content. CR is written as a reference because parsers turn a raw CR into LF. */
export function xmlText(value: string): string {
  return stripForbiddenXmlChars(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;");
}

/** Attribute value, double-quoted. Tab and line breaks become references so that attribute normalisation keeps them. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
