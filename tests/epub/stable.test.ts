import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { fixtureDocument } from './helpers/fixture.ts';
import { openEpub } from './helpers/read-epub.ts';

/** Local file header fields (APPNOTE 4.3.7): compression method at 8, name length at 26, extra length at 28. */
function firstEntry(bytes: Buffer) {
  const nameLength = bytes.readUInt16LE(26);
  return {
    method: bytes.readUInt16LE(8),
    extraLength: bytes.readUInt16LE(28),
    name: bytes.subarray(30, 30 + nameLength).toString('latin1'),
    data: bytes.subarray(30 + nameLength, 30 + nameLength + 20).toString('latin1'),
  };
}

describe('stable bytes', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('gives byte-identical EPUBs for the same input', async () => {
    const [a, b] = [await writeEpub(fixtureDocument()), await writeEpub(fixtureDocument())];
    expect(a.equals(b)).toBe(true);
  });

  it('derives the identifier from the content: another text, another identifier', async () => {
    const identifier = async (doc = fixtureDocument()) => /<dc:identifier[^>]*>([^<]+)</.exec((await openEpub(await writeEpub(doc))).opf)![1];
    const changed = fixtureDocument();
    changed.meta = { ...changed.meta, title: `${changed.meta.title}（修订）` };
    expect(await identifier()).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await identifier()).toBe(await identifier());
    expect(await identifier(changed)).not.toBe(await identifier());
  });

  it('takes dcterms:modified and zip times from SOURCE_DATE_EPOCH, else from the document date', async () => {
    const epoch = Date.UTC(2024, 1, 6, 8, 30, 0) / 1000;
    vi.stubEnv('SOURCE_DATE_EPOCH', String(epoch));
    const pinned = await openEpub(await writeEpub(fixtureDocument()));
    expect(pinned.opf).toContain('<meta property="dcterms:modified">2024-02-06T08:30:00Z</meta>');
    vi.stubEnv('SOURCE_DATE_EPOCH', undefined);
    const dated = await openEpub(await writeEpub(fixtureDocument()));
    expect(dated.opf).toContain('<meta property="dcterms:modified">2024-01-30T00:00:00Z</meta>');
    for (const entry of Object.values(pinned.zip.files)) expect(entry.date.toISOString(), entry.name).toBe('2024-02-06T08:30:00.000Z');
    const undated = await openEpub(await writeEpub(fixtureDocument('report', { date: undefined })));
    for (const entry of Object.values(undated.zip.files)) expect(entry.date.toISOString(), entry.name).toBe('1980-01-01T00:00:00.000Z');
  });

  it('stores mimetype first, uncompressed, without extra field', async () => {
    const entry = firstEntry(await writeEpub(fixtureDocument()));
    expect(entry).toEqual({ method: 0, extraLength: 0, name: 'mimetype', data: 'application/epub+zip' });
  });
});
