/**
 * Parsed XML as a small tree of elements in document order (MusicXML meaning depends on order:
 * a `<backup>` between two notes moves time back). Built on fast-xml-parser's ordered output.
 */
import { MusicError } from '@cadenza/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Text directly inside this element, trimmed. */
  readonly text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Real scores carry thousands of &amp; and friends in lyrics and credits.
  processEntities: { enabled: true, maxTotalExpansions: 1_000_000, maxExpandedLength: 100_000_000 },
  maxNestedTags: 200,
});

type Ordered = Record<string, unknown>;

function toNode(item: Ordered): XmlNode | undefined {
  const name = Object.keys(item).find((k) => k !== ':@' && k !== '#text');
  if (name === undefined) return undefined;
  const rawAttrs = (item[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
  const children: XmlNode[] = [];
  let text = '';
  for (const child of (item[name] ?? []) as Ordered[]) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const node = toNode(child);
      if (node) children.push(node);
    }
  }
  return { name, attrs, children, text: text.trim() };
}

/** Parses XML text to its root element; throws MusicError (with the line) for text that is not XML. */
export function parseXml(text: string): XmlNode {
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    throw new MusicError(`this is not well-formed XML (line ${checked.err.line}: ${checked.err.msg})`);
  }
  const items = parser.parse(text) as Ordered[];
  for (const item of items) {
    const node = toNode(item);
    if (node && !node.name.startsWith('!') && !node.name.startsWith('?')) return node;
  }
  throw new MusicError('this XML file has no root element');
}

export const child = (node: XmlNode, name: string): XmlNode | undefined =>
  node.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode, name: string): XmlNode[] =>
  node.children.filter((c) => c.name === name);

/** Text of a child element, or undefined when it is missing or empty. */
export function childText(node: XmlNode, name: string): string | undefined {
  const c = child(node, name);
  return c && c.text !== '' ? c.text : undefined;
}

/** A number from a child element's text, or undefined. */
export function childNumber(node: XmlNode, name: string): number | undefined {
  const t = childText(node, name);
  if (t === undefined) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}
