/**
 * Escaping for the three text formats. Every string that reaches a report (names, messages,
 * labels, stacks, counterexamples) goes through one of these.
 */

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example escapeHtml('<script>alert("x")</script>') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF: other code points
// (C0 controls, lone surrogates, U+FFFE, U+FFFF) cannot appear even escaped.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for XML content and attributes. Characters XML 1.0 forbids are written as visible
 * `\uXXXX` text; in attributes, tabs and line breaks become character references so they survive
 * attribute-value normalisation.
 * @example escapeXml('a < b & "c"\u0007') // 'a &lt; b &amp; &quot;c&quot;\\u0007'
 */
export function escapeXml(text: string, attribute = false): string {
  const safe = text
    .replace(XML_INVALID, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : HTML[c]!));
  return attribute ? safe.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : safe;
}

/**
 * Escapes text for Markdown inline content, including table cells (never at the start of a line):
 * a backslash before the punctuation that could start emphasis, code, links, HTML, entities, math
 * (`$`) or end a cell (`|`) — CommonMark allows escaping any ASCII punctuation — and line breaks
 * as spaces.
 * @example escapeMarkdown('a|b `c` <d>') // 'a\\|b \\`c\\` \\<d\\>'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}

/**
 * A fenced code block whose fence is longer than any backtick run inside the text.
 * @example codeBlock('x = 1', 'sh') // '```sh\nx = 1\n```'
 */
export function codeBlock(text: string, info = ''): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}
