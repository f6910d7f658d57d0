import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import type { SegmentKind, TextSegment } from "./segment-kinds";

// Never text: their content is code, styling or embedded documents.
const SKIPPED = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "head", "nav", "button", "select", "form"]);
const BLOCKS = new Set(["p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "dd", "dt", "figcaption", "caption", "td", "th", "pre", "address", "h1", "h2", "h3", "h4", "h5", "h6", "time", "ul", "ol", "table", "tr", "figure", "body", "html"]);

function isElement(node: ChildNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

// Stands for <br> while source whitespace is collapsed.
const LINE_BREAK = "\uE000";

function collapse(text: string): string {
  return text
    .replace(/[ \t\r\n\f]+/g, " ")
    .replace(/ ?\uE000 ?/g, "\n")
    .trim();
}

function kindOf(element: Element, titleSeen: boolean): SegmentKind {
  const name = element.name.toLowerCase();
  if (name === "h1" && !titleSeen) return "title";
  if (/^h[1-6]$/.test(name)) return "heading";
  const cls = `${element.attribs.class ?? ""} ${element.attribs.id ?? ""}`;
  if (name === "time" || /\b(meta|byline|dateline|kicker)\b/i.test(cls)) return "meta";
  return "paragraph";
}

/**
 * HTML reduced to its visible text with a real parser: scripts, styles and
 * attributes (event handlers included) never reach the stored text.
 */
export function splitHtml(html: string): TextSegment[] {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const segments: TextSegment[] = [];
  let titleSeen = false;
  let documentTitle = "";

  const walk = (nodes: ChildNode[], current: { kind: SegmentKind; parts: string[] } | null) => {
    for (const node of nodes) {
      if (node.type === "text") {
        current?.parts.push(node.data);
      } else if (isElement(node)) {
        const name = node.name.toLowerCase();
        if (name === "title" && !documentTitle) documentTitle = collapse(textOf(node.children));
        if (SKIPPED.has(name)) continue;
        if (name === "br") {
          current?.parts.push(LINE_BREAK);
        } else if (BLOCKS.has(name)) {
          flush(current);
          const block = { kind: kindOf(node, titleSeen), parts: [] as string[] };
          walk(node.children, block);
          flush(block);
          if (current) current.parts = [];
        } else {
          walk(node.children, current);
        }
      } else if ("children" in node) {
        walk(node.children as ChildNode[], current);
      }
    }
  };
  const flush = (block: { kind: SegmentKind; parts: string[] } | null) => {
    if (!block) return;
    const text = collapse(block.parts.join(""));
    block.parts = [];
    if (!text) return;
    if (block.kind === "title") titleSeen = true;
    segments.push({ kind: block.kind, text });
  };

  const root = { kind: "paragraph" as SegmentKind, parts: [] as string[] };
  // <title> lives in <head>, which is skipped for text; read it separately.
  for (const node of document.children) findTitle(node);
  walk(document.children, root);
  flush(root);

  if (!titleSeen && documentTitle) segments.unshift({ kind: "title", text: documentTitle });
  return segments;

  function findTitle(node: ChildNode) {
    if (!isElement(node) || documentTitle) return;
    if (node.name.toLowerCase() === "title") documentTitle = collapse(textOf(node.children));
    else node.children.forEach(findTitle);
  }
}

function textOf(nodes: ChildNode[]): string {
  return nodes
    .map((node) => (node.type === "text" ? node.data : isElement(node) ? textOf(node.children) : ""))
    .join("");
}
