/**
 * PDFs to check, printed by headless Chromium from small HTML pages that
 * set a 公文 on the GB/T 9704 grid, or deliberately off it in one respect.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { CELL_MM, GRID, MM_PER_PT, PAGE_NUMBER, SIZE_PT, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';

export interface FixtureOptions {
  /** Characters a full line holds (the standard wants 28). */
  charsPerLine: number;
  /** Lines a page holds (the standard wants 22), pitched to fill the text block. */
  linesPerPage: number;
  /** Top of the first line's em box; the last line stays at the bottom of the text block. */
  firstLineTopMm: number;
  /** Title face: a TrueType font embeds as CID TrueType, a CFF one (Noto CJK) becomes Type 3 in Chromium. */
  titleFont: string;
  /** Odd pages' numbers on the left and even pages' on the right. */
  pageNumbersSwapped: boolean;
  title: string;
  /** A character put where the first paragraph's second line starts (to break a line-start rule). */
  secondLineStart?: string;
  /**
   * Numbered paragraphs ("（一）…；") in the body face at the end, as a 决定
   * quotes amended provisions: inside a <blockquote> (tagged BlockQuote), or
   * as plain paragraphs, where they read as （一） headings in the body face.
   */
  numberedParagraphs: 'quoted' | 'plain';
  /** Bottom of the last rule of the 版记, which has the last page to itself. */
  recordLastRuleMm: number;
}

export const TRUETYPE_TITLE_FONT = '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf';
export const CFF_TITLE_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

export const CORRECT: FixtureOptions = {
  charsPerLine: GRID.charsPerLine,
  linesPerPage: GRID.linesPerPage,
  firstLineTopMm: TEXT_BLOCK.topMm,
  titleFont: TRUETYPE_TITLE_FONT,
  pageNumbersSwapped: false,
  title: '关于推进依法履职情况的报告',
  numberedParagraphs: 'quoted',
  recordLastRuleMm: TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm,
};

const FONTS = {
  body: 'url("file:///usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")',
  pageNumber: `url("file://${TRUETYPE_TITLE_FONT}")`,
  // Chromium does not load a .ttc through url(); local() reaches it through fontconfig.
  heading1: 'local("WenQuanYi Zen Hei")',
  heading2: 'url("file:///usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")',
};

/**
 * Common characters, none of them sharing a glyph with a Kangxi radical in
 * Noto CJK (a Type 3 font would turn those into radicals in the text layer),
 * and so is the default title.
 */
const TEXT_POOL = '推进依法履职情况报告监督工作继续加强代表联系群众制度建设取得新成效围绕中心服务全局紧扣经济社会发展重点积极开展调研视察听取审议政府专项报告促进改善民生保障权益落实重大决策部署健全完善机制提高质量水平坚持党的领导发挥职能作用创新方式方法深化基层实践探索务实举措切实增强实效';

/** One paragraph of `length` characters whose commas never open a line. */
function paragraph(length: number, offset: number, charsPerLine: number): string {
  const lineStarts = new Set(Array.from({ length: 40 }, (_, k) => charsPerLine - 2 + k * charsPerLine));
  const chars = Array.from({ length }, (_, i) => TEXT_POOL[(offset + i) % TEXT_POOL.length]);
  for (let i = 9; i < length - 1; i += 11) {
    if (!lineStarts.has(i)) chars[i] = '，';
  }
  chars[length - 1] = '。';
  if (lineStarts.has(length - 1)) chars.pop();
  return chars.join('');
}

/** A provision quoted whole: an opening paragraph and two numbered items, the quote closing at the end. */
function numbered(charsPerLine: number, quoted: boolean): string {
  const items = [`“${paragraph(40, 7, charsPerLine).slice(0, -1)}：`, `（一）${paragraph(30, 50, charsPerLine).slice(0, -1)}；`, `（二）${paragraph(30, 90, charsPerLine)}”`];
  const paragraphs = items.map((item) => `<p>${item}</p>`).join('\n');
  return quoted ? `<blockquote>\n${paragraphs}\n</blockquote>` : paragraphs;
}

function body(charsPerLine: number, numberedParagraphs: FixtureOptions['numberedParagraphs'], secondLineStart = ''): string {
  const lengths = [100, 60, 150, 90, 200, 120, 300, 70];
  let offset = 0;
  const paragraphs = lengths.map((length) => {
    offset += length;
    return paragraph(length, offset, charsPerLine);
  });
  const firstLineChars = charsPerLine - 2;
  paragraphs[0] = paragraphs[0].slice(0, firstLineChars) + secondLineStart + paragraphs[0].slice(firstLineChars + secondLineStart.length);
  return [
    '<p>各位代表：</p>',
    ...paragraphs.slice(0, 2),
    '<h2>一、总体要求</h2>',
    ...paragraphs.slice(2, 5),
    '<h3>（一）具体任务</h3>',
    ...paragraphs.slice(5),
    numbered(charsPerLine, numberedParagraphs === 'quoted'),
  ].map((block) => (block.startsWith('<') ? block : `<p>${block}</p>`)).join('\n');
}

/** Page number boxes: odd pages (:right in LTR) right, even pages left, one character in. */
function pageNumberCss(swapped: boolean, paddingTopMm: number): string {
  const box = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "${PAGE_NUMBER.dash} " counter(page) " ${PAGE_NUMBER.dash}"; font: ${SIZE_PT.pageNumber}pt/1 PageNumber; ` +
    `vertical-align: top; padding-top: ${paddingTopMm}mm; margin-${side}: ${CELL_MM}mm; }`;
  return `@page :right { ${box(swapped ? 'left' : 'right')} }\n@page :left { ${box(swapped ? 'right' : 'left')} }`;
}

export function fixtureHtml(options: FixtureOptions): string {
  const glyphMm = SIZE_PT.body * MM_PER_PT;
  const blockBottomMm = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
  // Lines are pitched so that their em boxes run from the first line's top to the block's bottom.
  const pitchMm = (blockBottomMm - options.firstLineTopMm - glyphMm) / (options.linesPerPage - 1);
  const marginTopMm = options.firstLineTopMm - (pitchMm - glyphMm) / 2;
  // A fifth of a line to spare, so rounding in Chromium never pushes line 22 over.
  const contentBottomMm = marginTopMm + (options.linesPerPage + 0.2) * pitchMm;
  const dashLineMm = blockBottomMm + PAGE_NUMBER.belowBlockMm;
  const pageNumberPaddingMm = dashLineMm - SIZE_PT.pageNumber * MM_PER_PT / 2 - contentBottomMm;
  // Tracking that makes charsPerLine cells of 16 pt glyphs fill the block; a hair under, so the last one fits.
  const letterSpacingPt = (TEXT_BLOCK.widthMm / options.charsPerLine) / MM_PER_PT - SIZE_PT.body - 0.005;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: Title; src: url("file://${options.titleFont}"); }
@font-face { font-family: Body; src: ${FONTS.body}; }
@font-face { font-family: Heading1; src: ${FONTS.heading1}; }
@font-face { font-family: Heading2; src: ${FONTS.heading2}; }
@font-face { font-family: PageNumber; src: ${FONTS.pageNumber}; }
@page { size: A4; margin: ${marginTopMm}mm ${210 - TEXT_BLOCK.leftMm - TEXT_BLOCK.widthMm}mm ${297 - contentBottomMm}mm ${TEXT_BLOCK.leftMm}mm; }
${pageNumberCss(options.pageNumbersSwapped, pageNumberPaddingMm)}
html { font: ${SIZE_PT.body}pt/${pitchMm}mm Body; letter-spacing: ${letterSpacingPt}pt; }
body { margin: 0; }
blockquote { margin: 0; }
p, h2, h3 { margin: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; text-align: justify; text-indent: ${2 * TEXT_BLOCK.widthMm / options.charsPerLine}mm; }
h2 { font-family: Heading1; }
h3 { font-family: Heading2; }
h1 { margin: 0 0 ${pitchMm}mm; font: ${SIZE_PT.title}pt/${pitchMm}mm Title; letter-spacing: 0; text-align: center; }
footer { break-before: page; height: ${options.recordLastRuleMm - marginTopMm}mm; display: flex; flex-direction: column; justify-content: flex-end; }
footer p { font-size: ${SIZE_PT.recordBlock}pt; letter-spacing: 0; text-indent: 0; border-top: 0.25mm solid #000; }
footer p:first-child { border-top-width: 0.35mm; }
footer p:last-child { border-bottom: 0.35mm solid #000; }
</style></head><body>
<h1>${options.title}</h1>
${body(options.charsPerLine, options.numberedParagraphs, options.secondLineStart)}
<footer><p>抄送：推进监督工作办公室。</p><p>代表联系工作办公室　建设取得新成效印发</p></footer>
</body></html>`;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Prints the fixture to DIR/NAME.pdf; the HTML goes beside it, as file:// fonts load only from a file:// page. */
export async function printFixture(browser: Browser, dir: string, name: string, options: FixtureOptions): Promise<string> {
  const htmlPath = join(dir, `${name}.html`);
  const pdfPath = join(dir, `${name}.pdf`);
  await writeFile(htmlPath, fixtureHtml(options));
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    // Fonts load when text asks for them; the page numbers' are asked for only while printing.
    await page.evaluate('Promise.all([...document.fonts].map((face) => face.load()))');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, tagged: true });
  } finally {
    await page.close();
  }
  return pdfPath;
}
