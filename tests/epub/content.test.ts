import { describe, expect, it } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { fixtureDocument } from './helpers/fixture.ts';
import { blockTexts, contentDocument, openEpub, readingText } from './helpers/read-epub.ts';

describe('EPUB content', () => {
  it('reads, in spine order, exactly the blocks of the document', async () => {
    const doc = fixtureDocument();
    const expected = blockTexts(doc.content);
    expect(expected.length).toBeGreaterThan(10);
    expect(await readingText(await writeEpub(doc))).toEqual(expected);
  });

  it('puts the title block with the first chapter and one chapter per part', async () => {
    const epub = await openEpub(await writeEpub(fixtureDocument()));
    const chapters = epub.spine.filter((item) => item.linear);
    expect(chapters).toHaveLength(3);
    const first = await contentDocument(epub, chapters[0].path);
    expect(first).toContain('class="gw-title"');
    expect(first).toContain('各位代表：');
    expect(await contentDocument(epub, chapters[1].path)).toMatch(/<h2 class="gw-part"[^>]*>过去一年的主要工作</);
  });

  it('writes UTF-8 characters, not numeric references, and keeps markup characters escaped', async () => {
    const epub = await openEpub(await writeEpub(fixtureDocument()));
    for (const item of epub.spine) {
      const text = await contentDocument(epub, item.path);
      expect(text, item.path).not.toMatch(/&#x?[0-9a-fA-F]+;/);
    }
    const second = await contentDocument(epub, epub.spine.filter((i) => i.linear)[1].path);
    expect(second).toContain('R&amp;D投入，A&lt;B 不变');
  });

  it('declares zh-CN on the package and on every content document', async () => {
    const epub = await openEpub(await writeEpub(fixtureDocument()));
    expect(epub.opf).toMatch(/<package\b[^>]*\sxml:lang="zh-CN"/);
    expect(epub.opf).toContain('<dc:language>zh-CN</dc:language>');
    for (const item of epub.spine) {
      const html = /<html\b[^>]*>/.exec(await contentDocument(epub, item.path))![0];
      expect(html, item.path).toContain('xml:lang="zh-CN"');
      expect(html, item.path).toContain(' lang="zh-CN"');
    }
  });

  it('fills title, author, description and date metadata', async () => {
    const { opf } = await openEpub(await writeEpub(fixtureDocument()));
    expect(opf).toContain('<dc:title id="title">温州市人民代表大会常务委员会工作报告</dc:title>');
    expect(opf).toMatch(/<dc:creator[^>]*>温州市人大常委会主任　葛益平</);
    expect(opf).toContain('<dc:description>我受市十四届人大常委会的委托，向大会报告工作，请予审议，并请列席会议的同志提出意见。</dc:description>');
    expect(opf).toContain('<dc:date>2024-01-30</dc:date>');
  });

  it('never leaves dc:description or dc:creator empty', async () => {
    const doc = fixtureDocument('report', { description: ' ', speaker: undefined, publisher: undefined });
    const { opf } = await openEpub(await writeEpub(doc));
    expect(opf).toContain(`<dc:description>${doc.meta.title}</dc:description>`);
    expect(opf).toMatch(new RegExp(`<dc:creator[^>]*>${doc.meta.title}</dc:creator>`));
  });
});
