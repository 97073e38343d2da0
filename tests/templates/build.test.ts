/**
 * End to end: a document-kind sample (the 通报, corpus 10), the 函 and the
 * 纪要 samples, and a document whose 版记 cannot share its last page, built
 * to PDF and EPUB, the 版头 and 版记 measured where a reader of the printed
 * sheet would measure them: glyphs and shapes as MuPDF reads them, ink as
 * poppler renders it (GB/T 9704-2012 5.2.4, 7.2.4, 7.2.7, 7.4, 7.5, 10.1, 10.3).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, type DocumentResult } from '../../scripts/build/index.ts';
import { ISSUER_MARK, LETTER, LINE_PITCH_MM, OFFICIAL_RED, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { epubcheck, formatMessages } from '../epub/helpers/epubcheck.ts';
import { fills, glyphLines, glyphs, sameColor, type Glyph } from './helpers/mupdf.ts';
import { redInkRuns } from './helpers/raster.ts';

const SOURCES = join(import.meta.dirname, '../../source');
const DOCUMENT = 'gov-circular-coalmine-gas-explosions-2004';
const LETTER_SAMPLE = 'sample-letter-canal-heritage-2025';
const MINUTES = 'sample-minutes-old-residential-renovation-2025';
/** Written here: a body ending on page 2, and a 抄送 of 24 names, too tall for the room left on that page. */
const TALL_RECORD = 'tall-record';
const TALL_RECORD_SOURCE = `---
title: 示例市人民政府关于做好春季防汛工作的通知
issuer: 示例市人民政府
documentNumber: 示政发〔2025〕3号
copyTo: [${Array.from({ length: 24 }, (_, i) => `示例市第${i + 1}防汛指挥分部`).join(', ')}]
printedBy: 示例市人民政府办公室
printedDate: 2025-03-02
template: document
---

各区人民政府，市各委、办、局：

${Array.from({ length: 6 }, () => '为切实做好今年春季防汛工作，确保人民群众生命财产安全，各区各部门要提前排查河道堤防、水库塘坝和城市易涝点，落实巡查值守责任，备足抢险物资，遇有险情及时处置并报告。').join('\n\n')}

示例市人民政府

2025年3月1日
`;

/** Positions agree with the layout to well under the standard's ± 1 mm; Chromium rounds some of them to its 1/96 in pixels. */
const TOLERANCE_MM = 0.5;
const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
const BLOCK_CENTRE_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm / 2;
const isRed = (color: string) => sameColor(color, OFFICIAL_RED.toLowerCase());
/** Top of the ideographic em box, 0.88 em over the baseline: where Chromium puts the top of a CJK line's em box. */
const ideographicTop = (glyph: Glyph) => glyph.baselineMm - 0.88 * glyph.sizeMm;
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pageNumberOn = (pdf: string, page: number) => glyphs(pdf, page).filter((g) => g.char === '—').length > 0;
/** The text of a page without its page number. */
const textOf = (pdf: string, page: number) => glyphLines(glyphs(pdf, page)).map((line) => line.text).filter((text) => !/^—\d+—$/.test(text.replace(/\s/g, '')));
/** The 版记's rules: black fills as wide as the block, under a millimetre high. */
const recordRules = (pdf: string, page: number) =>
  fills(pdf, page)
    .filter((f) => f.color === '#000000' && f.bottomMm - f.topMm < 1 && Math.abs(f.rightMm - f.leftMm - TEXT_BLOCK.widthMm) < 1)
    .sort((a, b) => a.topMm - b.topMm);

describe('building a document, a letter and 纪要', () => {
  let outDir: string;
  let results: DocumentResult[];
  const output = (name: string, ext: string) => join(outDir, `${name}.${ext}`);
  const expectCleanEpub = async (name: string) => {
    const report = await epubcheck(readFileSync(output(name, 'epub')));
    expect(formatMessages([...report.fatals, ...report.errors, ...report.warnings])).toBe('');
  };

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'gongwen-templates-'));
    const tallRecord = join(outDir, `${TALL_RECORD}.md`);
    writeFileSync(tallRecord, TALL_RECORD_SOURCE);
    const sources = [DOCUMENT, LETTER_SAMPLE, MINUTES].map((name) => join(SOURCES, `${name}.md`));
    results = await buildDocuments([...sources, tallRecord], { outDir });
  }, 400_000);

  it('builds them all without error', () => {
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined, undefined, undefined]);
  });

  describe('document (通报)', () => {
    const pdf = () => output(DOCUMENT, 'pdf');

    it('puts the red mark’s top 35 mm under the text block’s top, i.e. 72 mm from the paper’s top (7.2.4)', () => {
      const red = glyphs(pdf(), 1).filter((g) => isRed(g.color));
      expect(red.map((g) => g.char).join('')).toBe('国务院办公厅文件');
      const wanted = TEXT_BLOCK.topMm + 35;
      expect(Math.abs(redInkRuns(pdf(), 1)[0].topMm - wanted)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(ideographicTop(red[0]) - wanted)).toBeLessThanOrEqual(TOLERANCE_MM);
      // Centred on the block.
      const [left, right] = [red[0].xMm, red.at(-1)!.xMm + red.at(-1)!.sizeMm];
      expect(Math.abs((left + right) / 2 - BLOCK_CENTRE_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
    });

    it('draws the red rule as wide as the block, 4 mm under 发文字号 (7.2.7)', () => {
      const number = glyphLines(glyphs(pdf(), 1)).find((line) => line.text === '国办发〔2004〕7号')!.glyphs;
      const numberBottom = Math.max(...number.map((g) => g.emTopMm + g.sizeMm));
      const [rule, ...others] = fills(pdf(), 1).filter((f) => isRed(f.color));
      expect(others).toEqual([]);
      expect(Math.abs(rule.leftMm - TEXT_BLOCK.leftMm)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(rule.rightMm - (TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm))).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(rule.topMm - (numberBottom + 4))).toBeLessThanOrEqual(TOLERANCE_MM);
    });

    it('uses red only for the mark and the rule: every other glyph and shape is black (5.2.4)', () => {
      for (let page = 1; page <= pageCount(pdf()); page++) {
        const redGlyphs = glyphs(pdf(), page).filter((g) => g.color !== '#000000');
        expect(redGlyphs.every((g) => page === 1 && isRed(g.color) && '国务院办公厅文件'.includes(g.char))).toBe(true);
        const colouredFills = fills(pdf(), page).filter((f) => f.color !== '#000000' && f.color !== '#ffffff');
        expect(colouredFills.every((f) => page === 1 && isRed(f.color))).toBe(true);
      }
    });

    it('ends on an even page holding the body’s end and, under it, the 版记, its last rule on the block’s bottom edge (7.4.1)', () => {
      const last = pageCount(pdf());
      expect(last % 2).toBe(0);
      const text = textOf(pdf(), last);
      expect(text.slice(-2)).toEqual(['（本文有删减）', '国务院办公厅2004年1月16日印发']);
      expect(text.length).toBeGreaterThan(2);
      const rules = recordRules(pdf(), last);
      expect(rules).toHaveLength(2);
      const bottom = rules.at(-1)!;
      expect(Math.abs(bottom.bottomMm - BLOCK_BOTTOM_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
      // The outer rules are 0.35 mm, not rounded to a pixel (0.26 mm).
      expect(bottom.bottomMm - bottom.topMm).toBeCloseTo(0.35, 1);
      // At least a blank line between the body's last line and the 版记's first rule.
      const bodyBottom = Math.max(...glyphs(pdf(), last).filter((g) => g.char === '）').map((g) => g.emTopMm + g.sizeMm));
      expect(rules[0].topMm - bodyBottom).toBeGreaterThanOrEqual(LINE_PITCH_MM - LINE_PITCH_MM / 2);
    });

    it('numbers that page: it is a page of the body, not a 版记 page (7.5)', () => {
      expect(pageNumberOn(pdf(), pageCount(pdf()))).toBe(true);
    });

    it('writes an EPUB that passes epubcheck', () => expectCleanEpub(DOCUMENT));
  });

  describe('letter (函)', () => {
    const pdf = () => output(LETTER_SAMPLE, 'pdf');

    it('puts the mark’s top 30 mm from the paper’s top, no page number on page 1 (10.1)', () => {
      expect(Math.abs(redInkRuns(pdf(), 1)[0].topMm - LETTER.markTopMm)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(pageNumberOn(pdf(), 1)).toBe(false);
      expect(pageNumberOn(pdf(), 2)).toBe(true);
    });

    it('sets 抄送 at the bottom of the text block under the body’s end, on the last page, without rules (10.1)', () => {
      const last = pageCount(pdf());
      expect(last).toBe(2);
      const lines = glyphLines(glyphs(pdf(), last)).filter((line) => !line.text.includes('—'));
      expect(lines.at(-2)!.text).toContain('联系人');
      const copyTo = lines.at(-1)!;
      expect(copyTo.text).toBe('抄送：示例市人民政府办公室。');
      const bottom = Math.max(...copyTo.glyphs.map((g) => g.emTopMm + g.sizeMm));
      expect(bottom).toBeLessThanOrEqual(BLOCK_BOTTOM_MM);
      expect(bottom).toBeGreaterThan(BLOCK_BOTTOM_MM - LINE_PITCH_MM);
      expect(recordRules(pdf(), last)).toEqual([]);
    });

    it('draws two red double lines 170 mm long and centred, the upper 4 mm under the mark, the lower 20 mm over the paper’s bottom (10.1)', () => {
      const mark = glyphs(pdf(), 1).filter((g) => isRed(g.color));
      const lines = fills(pdf(), 1).filter((f) => isRed(f.color)).sort((a, b) => a.topMm - b.topMm);
      expect(lines).toHaveLength(4);
      for (const line of lines) {
        expect(Math.abs(line.rightMm - line.leftMm - LETTER.ruleLengthMm)).toBeLessThanOrEqual(TOLERANCE_MM);
        expect(Math.abs((line.leftMm + line.rightMm) / 2 - BLOCK_CENTRE_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
      }
      const [upperThick, upperThin, lowerThin, lowerThick] = lines;
      expect(Math.abs(upperThick.topMm - (ideographicTop(mark[0]) + mark[0].sizeMm + 4))).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(upperThick.bottomMm - upperThick.topMm).toBeGreaterThan(upperThin.bottomMm - upperThin.topMm);
      expect(lowerThick.bottomMm - lowerThick.topMm).toBeGreaterThan(lowerThin.bottomMm - lowerThin.topMm);
      expect(Math.abs(lowerThick.bottomMm - (297 - 20))).toBeLessThanOrEqual(TOLERANCE_MM);
    });

    it('writes an EPUB that passes epubcheck', () => expectCleanEpub(LETTER_SAMPLE));
  });

  describe('纪要 (minutes)', () => {
    const pdf = () => output(MINUTES, 'pdf');

    it('puts the red 纪要标志 35 mm under the text block’s top, with the number under it (10.3)', () => {
      const red = glyphs(pdf(), 1).filter((g) => isRed(g.color));
      expect(red.map((g) => g.char).join('')).toBe('示例市人民政府专题会议纪要');
      expect(Math.abs(redInkRuns(pdf(), 1)[0].topMm - (TEXT_BLOCK.topMm + ISSUER_MARK.belowBlockTopMm))).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(glyphLines(glyphs(pdf(), 1)).some((line) => line.text === '〔2025〕8号')).toBe(true);
    });

    it('sets 出席, 请假, 列席 in 黑体 on lines of their own, the names in 仿宋, and ends with the 版记 under them on an even page (10.3, 7.4)', () => {
      const last = pageCount(pdf());
      expect(last % 2).toBe(0);
      const lines = glyphLines(glyphs(pdf(), last)).filter((line) => !line.text.includes('—'));
      const attendance = lines.filter((line) => /^(出席|请假|列席)：/.test(line.text));
      expect(attendance.map((line) => line.text.slice(0, 3))).toEqual(['出席：', '请假：', '列席：']);
      for (const line of attendance) {
        expect(line.glyphs[0].font).toMatch(/Sans/);
        expect(line.glyphs.at(-1)!.font).not.toMatch(/Sans/);
      }
      expect(lines.slice(-2).map((line) => line.text)).toEqual(['抄送：市委办公室，市人大常委会办公室，市政协办公室。', '示例市人民政府办公室2025年4月7日印发']);
      expect(Math.abs(recordRules(pdf(), last).at(-1)!.bottomMm - BLOCK_BOTTOM_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(pageNumberOn(pdf(), last)).toBe(true);
    });

    it('writes an EPUB that passes epubcheck', () => expectCleanEpub(MINUTES));
  });

  describe('a 版记 too tall for the room left', () => {
    const pdf = () => output(TALL_RECORD, 'pdf');

    it('gets a page of its own, made even by a blank page, neither numbered (7.4, 7.5)', () => {
      expect(pageCount(pdf())).toBe(4);
      expect(textOf(pdf(), 2).at(-1)).toBe('2025年3月1日');
      expect(pageNumberOn(pdf(), 2)).toBe(true);
      expect(glyphs(pdf(), 3)).toEqual([]);
      expect(textOf(pdf(), 4)[0]).toMatch(/^抄送：/);
      expect(pageNumberOn(pdf(), 4)).toBe(false);
      expect(Math.abs(recordRules(pdf(), 4).at(-1)!.bottomMm - BLOCK_BOTTOM_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
    });
  });
});
