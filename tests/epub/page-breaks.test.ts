import type { Root } from 'hast';
import type { Browser } from 'puppeteer';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { insertPageBreaks, pageStartOffsets } from '../../scripts/epub/page-breaks.ts';
import { pdfPageTexts } from '../../scripts/epub/pdf-text.ts';
import { closeBrowser, launchBrowser } from '../../scripts/render/browser.ts';
import { epubcheck, formatMessages } from './helpers/epubcheck.ts';
import { fixtureDocument, parseContent } from './helpers/fixture.ts';
import { popplerPageTexts, printSmallPdf } from './helpers/print-pdf.ts';
import { contentDocument, openEpub } from './helpers/read-epub.ts';

const squeeze = (text: string) => text.replace(/\s/gu, '');

describe('pageStartOffsets', () => {
  const text = squeeze('第一页的正文开始于此。第二页从这里开始，正文继续。第三页是最后一页的正文。');

  it('finds each page by its first characters, skipping a page number printed before the body', () => {
    const pages = [['第一页的正文', '开始于此。'], ['— 2 —', '第二页从这里开始，', '正文继续。'], ['第三页是最后一页的正文。', '— 3 —']];
    expect(pageStartOffsets(text, pages)).toEqual([0, text.indexOf('第二页'), text.indexOf('第三页')]);
  });

  it('reads Kangxi radicals of a broken text layer as the ideographs they stand for', () => {
    expect(pageStartOffsets(squeeze('人民代表大会'), [['⼈民代表⼤会']])).toEqual([0]);
  });

  it('searches only after the previous page, and reports a page it cannot find', () => {
    const repeated = squeeze('正文继续。正文继续。');
    expect(pageStartOffsets(repeated, [['正文继续。'], ['正文继续。'], ['不在文中']])).toEqual([0, 5, undefined]);
  });
});

describe('insertPageBreaks', () => {
  it('puts a marker right before the first character of each page, inside the block, and messages a missing page', () => {
    const content: Root = parseContent('<h1 class="gw-title">标题</h1><p class="gw-body">甲乙丙　丁<strong class="gw-lead">戊己。</strong>庚辛</p>');
    const file = new VFile();
    expect(insertPageBreaks(content, [['标题'], ['丁戊'], ['己。庚'], ['不在文中的字']], file)).toEqual([1, 2, 3]);
    const html = JSON.stringify(content);
    expect(html.indexOf('"page-1"')).toBeLessThan(html.indexOf('标题'));
    expect(file.messages.map((m) => m.ruleId)).toEqual(['page-not-found']);
    const paragraph = (content.children[1] as { children: unknown[] }).children;
    expect(paragraph.map((n) => (n as { value?: string; properties?: { id?: string } }).value ?? (n as { properties: { id?: string } }).properties.id)).toEqual([
      '甲乙丙　',
      'page-2',
      '丁',
      undefined, // the lead, with page 3 inside it
      '庚辛',
    ]);
  });
});

describe('blank pages', () => {
  it('mark a page with nothing but its number where the next page begins, or at the end', () => {
    const content: Root = parseContent('<p class="gw-body">第一页正文。</p><p class="gw-body">第三页正文。</p>');
    const file = new VFile();
    expect(insertPageBreaks(content, [['— 1 —', '第一页正文。'], ['— 2 —'], ['第三页正文。', '— 3 —'], []], file)).toEqual([1, 2, 3, 4]);
    expect(file.messages).toEqual([]);
    const ids = (paragraph: number) =>
      (content.children[paragraph] as { children: Array<{ properties?: { id?: string } }> }).children.map((n) => n.properties?.id).filter(Boolean);
    expect(ids(0)).toEqual(['page-1']);
    expect(ids(1)).toEqual(['page-2', 'page-3', 'page-4']);
    expect(JSON.stringify(content).indexOf('"page-4"')).toBeGreaterThan(JSON.stringify(content).indexOf('第三页正文。'));
  });
});

describe('page-list from a PDF printed by Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (browser) await closeBrowser(browser);
  });

  it('reads the same characters on every page as poppler (pdfPageTexts)', async () => {
    const pdf = await printSmallPdf(browser, fixtureDocument());
    const ours = (await pdfPageTexts(pdf)).map((page) => page.all());
    const poppler = await popplerPageTexts(pdf);
    expect(ours.length).toBe(poppler.length);
    // Poppler reads in layout order (the page number last), ours in content-stream order: compare the characters.
    const characters = (text: string) => [...text.replace(/\s/gu, '')].sort().join('');
    expect(ours.map((runs) => characters(runs.join('')))).toEqual(poppler.map(characters));
  });

  it('has one entry per PDF page, each at the first character of that page, and stays valid', async () => {
    const doc = fixtureDocument();
    const pdf = await printSmallPdf(browser, doc);
    const pageTexts = await popplerPageTexts(pdf);
    expect(pageTexts.length).toBeGreaterThanOrEqual(3);

    const book = await writeEpub(doc, { pdf });
    const epub = await openEpub(book);
    const nav = await contentDocument(epub, 'OEBPS/toc.xhtml');
    const entries = [...nav.matchAll(/<li><a href="([^"#]+)#(page-\d+)">(\d+)<\/a><\/li>/g)];
    expect(entries.map(([, , , label]) => label)).toEqual(pageTexts.map((_, index) => String(index + 1)));

    for (const [, file, id, label] of entries) {
      const xhtml = await contentDocument(epub, `OEBPS/${file}`);
      const marker = new RegExp(`<span epub:type="pagebreak" role="doc-pagebreak" id="${id}" aria-label="${label}"/>`).exec(xhtml);
      expect(marker, `marker ${id} in ${file}`).not.toBeNull();
      const following = squeeze(xhtml.slice(marker!.index + marker![0].length).replace(/<[^>]+>/g, ''));
      const pageStart = squeeze(pageTexts[Number(label) - 1]).slice(0, 8);
      expect(following.slice(0, 8), `page ${label}`).toBe(pageStart);
    }

    expect(epub.opf).toContain('<meta property="schema:accessibilityFeature">printPageNumbers</meta>');
    expect(epub.opf).toMatch(/<dc:source id="print-edition">report\.pdf<\/dc:source>/);
    const result = await epubcheck(book);
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
  });
});
