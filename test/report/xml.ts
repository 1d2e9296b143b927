/**
 * A strict little XML 1.0 reader for the JUnit tests: elements, attributes (quoted), text, character
 * and the five predefined entity references, an XML declaration; it throws on anything malformed
 * (unbalanced tags, raw `<` or `&`, duplicate attributes, characters XML forbids).
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Where `text` holds a code unit XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/F, lone surrogates), or -1. */
export function forbiddenAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

function decode(text: string): string {
  if (/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
    throw new Error(`bare & in ${JSON.stringify(text)}`);
  if (text.includes('<')) throw new Error(`raw < in ${JSON.stringify(text)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

/** Parses a document; returns its root element. */
export function parseXml(xml: string): XmlElement {
  if (forbiddenAt(xml) >= 0) throw new Error('the document holds a character XML forbids');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    stack[stack.length - 1]!.text += decode(text);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${JSON.stringify(body.slice(lt, lt + 40))}`);
    const [, close, name, rawAttrs, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open?.name !== name || stack.length === 0) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (Object.hasOwn(attrs, a[1]!)) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]!] = decode(a[2]!);
      }
      const el: XmlElement = { name: name!, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(el);
      if (!selfClose) stack.push(el);
    }
    i = tag.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '')
    throw new Error('a document has exactly one root element');
  return root.children[0]!;
}
