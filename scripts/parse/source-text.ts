/**
 * The bytes of a cleaned source → its text. A source is UTF-8 by contract
 * (`gongwen import` writes it so, from any encoding); anything else fails
 * with a located error that says how to convert it, instead of building a
 * document full of U+FFFD or an empty one called success.
 */
import { location } from 'vfile-location';
import type { VFile } from 'vfile';

/**
 * The largest source built: ten times the longest 公文 of the corpus (93 KB,
 * 27 judicial interpretations amended in one decision). A larger file is a
 * mistake (a whole site saved as one page) or wants splitting; it fails at
 * once rather than keeping Chromium busy for many minutes. Import has no limit.
 */
export const MAX_SOURCE_BYTES = 1 << 20;

const CONVERT = 'convert it with `gongwen import FILE -o OUT.md` (reads UTF-16, GB18030 and Big5) or save it as UTF-8';

/** Index in `text` of the first U+FFFD that stands for bytes that were not UTF-8 (a literal U+FFFD is EF BF BD). */
function firstUndecodable(bytes: Uint8Array, text: string): number | undefined {
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    const offset = Buffer.byteLength(text.slice(0, index));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return index;
  }
  return undefined;
}

export function sourceText(file: VFile): string {
  const { value } = file;
  const bytes = typeof value === 'string' ? Buffer.byteLength(value) : value.length;
  if (bytes > MAX_SOURCE_BYTES) {
    const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} KB`;
    file.fail(`The file is ${kb(bytes)}: gongwen builds sources up to ${kb(MAX_SOURCE_BYTES)}; split it into documents`, { place: { line: 1, column: 1 }, ruleId: 'size', source: 'parse' });
  }
  const text = typeof value === 'string' ? value : new TextDecoder('utf-8').decode(value);
  const fail = (reason: string, index = 0) => file.fail(reason, { place: location(text).toPoint(index), ruleId: 'encoding', source: 'parse' });
  if (text.trim() === '') fail(text ? 'The file holds only white space: nothing to build' : 'The file is empty: nothing to build');
  const nul = text.indexOf('\0');
  if (nul >= 0) fail(`The file is not UTF-8 text: it has NUL bytes (a binary file, or UTF-16 text); ${CONVERT}`, nul);
  if (typeof value !== 'string') {
    const bad = firstUndecodable(value, text);
    if (bad !== undefined) fail(`The file is not UTF-8 text: bytes at this place are not UTF-8 (GB18030? Big5?); ${CONVERT}`, bad);
  }
  return text;
}
