import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../scripts/epub/zip.ts';

const DATE = new Date(Date.UTC(2024, 0, 30, 8, 30, 14));
const entries = [
  { name: 'mimetype', data: Buffer.from('application/epub+zip'), store: true },
  { name: 'OEBPS/正文.xhtml', data: Buffer.from('<p>各位代表：</p>'.repeat(200)) },
  { name: 'OEBPS/empty.css', data: Buffer.alloc(0) },
];

describe('zipEntries', () => {
  it('writes a zip that unzip tests good and jszip reads back: names, contents, order, dates, stored and deflated entries', async () => {
    const bytes = zipEntries(entries, DATE);
    const file = join(mkdtempSync(join(tmpdir(), 'gongwen-zip-')), 'test.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');

    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) {
      expect(Buffer.from(await zip.file(entry.name)!.async('uint8array')).equals(entry.data), entry.name).toBe(true);
      expect(zip.files[entry.name].date.toISOString()).toBe('2024-01-30T08:30:14.000Z');
    }
    // Local header: the compression method at offset 8; the stored mimetype is readable in place.
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
    expect(bytes.length).toBeLessThan(entries[1].data.length / 4);
  });

  it('gives the same bytes for the same entries and date', () => {
    expect(zipEntries(entries, DATE).equals(zipEntries(entries, DATE))).toBe(true);
  });
});
