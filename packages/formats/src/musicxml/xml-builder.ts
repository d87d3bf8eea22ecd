/**
 * A tiny XML writer. Elements are plain data built with `el` and serialised with two-space
 * indentation; text and attribute values are escaped here so no caller has to remember to.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** Attribute values; `undefined` leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;
/** Children; `null`, `undefined` and `false` are skipped so optional elements read naturally. */
export type XmlChild = XmlElement | string | number | null | undefined | false;

export function el(name: string, attrs: XmlAttrs = {}, ...children: readonly XmlChild[]): XmlElement {
  const cleanAttrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) cleanAttrs[k] = String(v);
  const kept: (XmlElement | string)[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    kept.push(typeof c === 'number' ? String(c) : c);
  }
  return { name, attrs: cleanAttrs, children: kept };
}

/** An element holding only text, e.g. `<step>C</step>`. */
export function leaf(name: string, value: string | number, attrs: XmlAttrs = {}): XmlElement {
  return el(name, attrs, String(value));
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${ENTITIES[c] ?? 'amp'};`);
}

const ENTITIES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

/** Serialises an element; elements with only text stay on one line. */
export function serialize(root: XmlElement, indent = ''): string {
  const attrs = Object.entries(root.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (root.children.length === 0) return `${indent}<${root.name}${attrs}/>`;
  if (root.children.every((c) => typeof c === 'string')) {
    return `${indent}<${root.name}${attrs}>${escapeXml(root.children.join(''))}</${root.name}>`;
  }
  const inner = root.children
    .map((c) => (typeof c === 'string' ? indent + '  ' + escapeXml(c) : serialize(c, indent + '  ')))
    .join('\n');
  return `${indent}<${root.name}${attrs}>\n${inner}\n${indent}</${root.name}>`;
}
