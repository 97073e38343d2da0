/**
 * Finish the zip container epub-gen-memory made, where its templates cannot
 * reach: readable UTF-8 instead of numeric character references, and the
 * same bytes for the same input (fixed timestamps, fixed entry order,
 * `mimetype` first and stored).
 */
import type JSZip from 'jszip';
import { zipEntries } from './zip.ts';

/**
 * epub-gen-memory serializes chapters with dom-serializer in XML mode, which
 * writes every non-ASCII character as `&#x…;` (8 bytes for a 3-byte 汉字).
 * Markup-significant characters are escaped by name (&amp; &lt;), so turning
 * numeric references back into characters never creates markup.
 */
export function decodeNumericReferences(xml: string): string {
  return xml.replace(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g, (reference, hex: string | undefined, decimal: string | undefined) => {
    const codePoint = hex ? Number.parseInt(hex, 16) : Number(decimal);
    const printable = codePoint >= 0xa0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    return printable ? String.fromCodePoint(codePoint) : reference;
  });
}

/** OCF 3: `mimetype` must be the first entry; the rest in a fixed (code-point) order. */
function entryOrder(a: string, b: string): number {
  if (a === 'mimetype') return -1;
  if (b === 'mimetype') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rebuild the container from its files alone (no directory entries), every entry dated `date`. */
export async function normalizeContainer(zip: JSZip, date: Date): Promise<Buffer> {
  const names = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name)
    .sort(entryOrder);
  const entries = await Promise.all(
    names.map(async (name) => {
      const entry = zip.files[name];
      const data = name.endsWith('.xhtml') ? Buffer.from(decodeNumericReferences(await entry.async('string')), 'utf8') : await entry.async('uint8array');
      return { name, data, store: name === 'mimetype' };
    }),
  );
  return zipEntries(entries, date);
}
