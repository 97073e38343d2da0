/**
 * The EPUB as the build makes it (cover, page-list from a printed PDF,
 * embedded fonts), as readers and checkers see it: epubcheck, epub.js in
 * headless Chromium, calibre, Ace by DAISY. One browser serves the whole file
 * (it also photographs the cover and prints the PDF) and is closed at the end.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { COVER_SIZE, renderCover } from '../../scripts/epub/cover.ts';
import { closeBrowser, launchBrowser } from '../../scripts/render/browser.ts';
import { ace, hasAce } from './helpers/ace.ts';
import { calibreTextLines, hasEbookConvert } from './helpers/calibre.ts';
import { epubcheck, formatMessages } from './helpers/epubcheck.ts';
import { readWithEpubjs } from './helpers/epubjs-reader.ts';
import { fixtureDocument } from './helpers/fixture.ts';
import { printSmallPdf } from './helpers/print-pdf.ts';
import { blockTexts, contentDocument, openEpub } from './helpers/read-epub.ts';

let browser: Browser;
let book: Buffer;
let pdf: Uint8Array;
let cover: Uint8Array;
const fonts = { cacheDir: join(tmpdir(), 'gongwen-epub-test-fonts'), userFontDirs: [] };
const doc = fixtureDocument();
const documentText = blockTexts(doc.content);

beforeAll(async () => {
  browser = await launchBrowser();
  pdf = await printSmallPdf(browser, doc);
  cover = await photographCover();
  book = await writeEpub(doc, { cover, pdf, fonts });
});

/** The cover in a tab of its own, as the build's Renderer gives it. */
async function photographCover(): Promise<Uint8Array> {
  const tab = await browser.newPage();
  try {
    return await renderCover(tab, doc);
  } finally {
    await tab.close();
  }
}

afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

describe('cover', () => {
  it('is a PNG photographed from the title block, declared cover-image, with a cover page and landmark', async () => {
    const epub = await openEpub(book);
    expect(epub.opf).toMatch(/<item id="cover-image" href="cover.png" media-type="image\/png" properties="cover-image"\/>/);
    expect(pngSize(await epub.zip.file('OEBPS/cover.png')!.async('uint8array'))).toEqual(COVER_SIZE);
    expect(epub.spine[0].path).toBe('OEBPS/cover.xhtml');
    expect(await contentDocument(epub, 'OEBPS/cover.xhtml')).toContain(`alt="封面：${doc.meta.title}"`);
    expect(await contentDocument(epub, 'OEBPS/toc.xhtml')).toContain('<a epub:type="cover" href="cover.xhtml">');
  });

  it('keeps the book valid and byte-stable', async () => {
    const result = await epubcheck(book);
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
    expect((await writeEpub(doc, { cover: await photographCover(), pdf, fonts })).equals(book)).toBe(true);
  });
});

describe('epub.js in headless Chromium', () => {
  it('displays every spine item, in zh-CN, and shows all of the document text in reading order', async () => {
    const read = await readWithEpubjs(browser, book);
    const epub = await openEpub(book);
    expect(read.items.map((item) => item.href)).toEqual(epub.spine.map((item) => item.path.replace(/^OEBPS\//, '')));
    expect(read.language).toBe('zh-CN');
    expect(read.items.every((item) => item.lang === 'zh-CN')).toBe(true);
    // Markup whitespace between blocks is not text; U+3000 (the speaker line's full-width space) is.
    const squeeze = (text: string) => text.replace(/[ \t\r\n]+/g, '');
    const shown = read.items.filter((item) => item.linear).map((item) => squeeze(item.text)).join('');
    expect(shown).toBe(squeeze(documentText.join('')));
    expect(read.toc).toContain('一、强化政治引领，在坚持党对人大工作的全面领导中把好前进方向');
    expect(read.toc).toContain('切实加强理论武装');
    expect(read.pageList).toEqual(read.pageList.map((_, index) => String(index + 1)));
    expect(read.pageList.length).toBeGreaterThanOrEqual(3);
  });
});

describe.skipIf(!hasEbookConvert())('calibre ebook-convert (skipped: ebook-convert not on PATH; apt-get install calibre)', () => {
  it('converts the EPUB to text that ends with exactly the document text, nav before it', async () => {
    const lines = await calibreTextLines(book);
    expect(lines.slice(-documentText.length)).toEqual(documentText);
    const before = lines.slice(0, -documentText.length).join('\n');
    expect(before).not.toContain(documentText.find((text) => text.length > 30));
  });
});

describe.skipIf(!hasAce())('Ace by DAISY (skipped: ace-puppeteer not installed, see tests/epub/helpers/ace.ts)', () => {
  it('reports no serious or critical accessibility violation', async () => {
    const report = await ace(book);
    const severe = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe.map((v) => `${v.impact} ${v.rule} ${v.location}: ${v.title}`)).toEqual([]);
  });
});
