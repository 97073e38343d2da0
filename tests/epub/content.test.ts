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

  it('nests the table of contents: parts › 一、 › （一） and lead sentences, with landmarks', async () => {
    const nav = await contentDocument(await openEpub(await writeEpub(fixtureDocument())), 'OEBPS/toc.xhtml');
    const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0].replace(/\s+/g, '');
    expect(toc).toContain(
      '<li><ahref="chapter-02.xhtml#part-1">过去一年的主要工作</a><ol><li><ahref="chapter-02.xhtml#section-1">一、强化政治引领，在坚持党对人大工作的全面领导中把好前进方向</a><ol><li><ahref="chapter-02.xhtml#lead-1">切实加强理论武装</a></li>',
    );
    expect(toc).toContain('<ahref="chapter-02.xhtml#section-2-1">（一）全力助推三个“一号工程”</a>');
    const chapter = await contentDocument(await openEpub(await writeEpub(fixtureDocument())), 'OEBPS/chapter-02.xhtml');
    expect(chapter).toContain('<p class="gw-body" id="lead-1"><strong class="gw-lead">切实加强理论武装。</strong>');
    expect(nav).toContain('<a epub:type="toc" href="toc.xhtml">目录</a>');
    expect(nav).toContain('<a epub:type="bodymatter" href="chapter-01.xhtml">正文</a>');
  });

  it('carries the same table of contents as an EPUB 2 NCX, for reading systems without the EPUB 3 nav', async () => {
    const epub = await openEpub(await writeEpub(fixtureDocument()));
    expect(epub.opf).toContain('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
    expect(epub.opf).toContain('<spine toc="ncx">');
    const nav = await contentDocument(epub, 'OEBPS/toc.xhtml');
    const ncx = await contentDocument(epub, 'OEBPS/toc.ncx');
    const navLinks = [.../<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0].matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    const ncxPoints = [...ncx.matchAll(/<navLabel><text>([^<]+)<\/text><\/navLabel><content src="([^"]+)"\/>/g)].map((m) => [m[2], m[1]]);
    expect(navLinks.length).toBeGreaterThan(5);
    expect(ncxPoints).toEqual(navLinks);
    expect(ncx).toContain(`<meta name="dtb:uid" content="${/<dc:identifier id="book-id">([^<]+)</.exec(epub.opf)![1]}"/>`);
    // Nested as the nav is: a （一） navPoint sits inside its 一、, inside its part.
    expect(ncx.replace(/\s+/g, '')).toMatch(/过去一年的主要工作<\/text><\/navLabel><contentsrc="chapter-02\.xhtml#part-1"\/><navPointid="nav-\d+"playOrder="\d+"><navLabel><text>一、/);
  });

  it('states its accessibility: schema.org properties and EPUB Accessibility 1.1 conformance', async () => {
    const { opf } = await openEpub(await writeEpub(fixtureDocument()));
    const values = (property: string) => [...opf.matchAll(new RegExp(`<meta property="${property}">([^<]*)</meta>`, 'g'))].map((m) => m[1]);
    expect(values('schema:accessMode')).toEqual(['textual']);
    expect(values('schema:accessModeSufficient')).toEqual(['textual']);
    expect(values('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['tableOfContents', 'readingOrder', 'structuralNavigation']));
    expect(values('schema:accessibilityFeature')).not.toContain('printPageNumbers'); // no PDF given: no page-list
    expect(values('schema:accessibilityHazard')).toEqual(['none']);
    expect(values('schema:accessibilitySummary')[0]).toMatch(/目录/);
    expect(values('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
  });

  it('refuses a cover that is not a PNG, with the document named', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
    await expect(writeEpub(fixtureDocument(), { cover: jpeg })).rejects.toThrow(/report: the EPUB cover must be a PNG/);
    await expect(writeEpub(fixtureDocument(), { cover: Promise.resolve(jpeg) })).rejects.toThrow(/report: the EPUB cover must be a PNG/);
  });

  it('takes a cover still being photographed: the same book as with its bytes, and the photograph’s failure as its own', async () => {
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const later = new Promise<Uint8Array>((resolve) => setTimeout(() => resolve(png), 50));
    const book = await writeEpub(fixtureDocument(), { cover: later });
    expect(book.equals(await writeEpub(fixtureDocument(), { cover: png }))).toBe(true);
    expect(Object.keys((await openEpub(book)).zip.files)).toContain('OEBPS/cover.png');
    await expect(writeEpub(fixtureDocument(), { cover: Promise.reject(new Error('the browser crashed')) })).rejects.toThrow('the browser crashed');
  });
});
