/** A tiny XML writer: BambooHR's legacy endpoints answer XML unless the client asks for JSON. */
export interface XmlNode {
  name: string;
  attributes?: Record<string, string | number | null | undefined>;
  children?: (XmlNode | string)[];
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function write(node: XmlNode | string, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(`${indent}${escapeXml(node)}\n`);
    return;
  }
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) out.push(`${indent}<${node.name}${attributes}></${node.name}>\n`);
  else if (children.length === 1 && typeof children[0] === 'string')
    out.push(`${indent}<${node.name}${attributes}>${escapeXml(children[0])}</${node.name}>\n`);
  else {
    out.push(`${indent}<${node.name}${attributes}>\n`);
    for (const child of children) write(child, `${indent} `, out);
    out.push(`${indent}</${node.name}>\n`);
  }
}

export function toXml(root: XmlNode): string {
  const out = ['<?xml version="1.0"?>\n'];
  write(root, '', out);
  return out.join('');
}

/** `<field id="alias">value</field>` as tables, employees and reports use. */
export function fieldNode(id: string, value: unknown): XmlNode {
  return { name: 'field', attributes: { id }, children: value === null || value === undefined ? [] : [String(value)] };
}

/** Any JSON value as nested elements (arrays → repeated `item`): for endpoints without a dedicated XML shape. */
export function jsonToXml(name: string, value: unknown): XmlNode {
  if (value === null || value === undefined) return { name };
  if (Array.isArray(value)) return { name, children: value.map((item) => jsonToXml('item', item)) };
  if (typeof value === 'object')
    return {
      name,
      children: Object.entries(value as Record<string, unknown>).map(([key, child]) =>
        jsonToXml(/^[A-Za-z_][\w.-]*$/.test(key) ? key : 'entry', child),
      ),
    };
  return { name, children: [String(value)] };
}
