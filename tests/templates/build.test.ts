/**
 * End to end: a document-kind sample (the 通报, corpus 10) and the 函 sample
 * built to PDF and EPUB, the 版头 and 版记 measured where a reader of the
 * printed sheet would measure them: glyphs and shapes as MuPDF reads them,
 * ink as poppler renders it (GB/T 9704-2012 5.2.4, 7.2.4, 7.2.7, 7.4.1, 10.1).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, type DocumentResult } from '../../scripts/build/index.ts';
import { LETTER, OFFICIAL_RED, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { epubcheck, formatMessages } from '../epub/helpers/epubcheck.ts';
import { fills, glyphLines, glyphs, sameColor, type Glyph } from './helpers/mupdf.ts';
import { redInkRuns } from './helpers/raster.ts';

const SOURCES = join(import.meta.dirname, '../../source');
const DOCUMENT = 'gov-circular-coalmine-gas-explosions-2004';
const LETTER_SAMPLE = 'sample-letter-canal-heritage-2025';

/** Positions agree with the layout to well under the standard's ± 1 mm; Chromium rounds some of them to its 1/96 in pixels. */
const TOLERANCE_MM = 0.5;
const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
const BLOCK_CENTRE_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm / 2;
const isRed = (color: string) => sameColor(color, OFFICIAL_RED.toLowerCase());
/** Top of the ideographic em box, 0.88 em over the baseline: where Chromium puts the top of a CJK line's em box. */
const ideographicTop = (glyph: Glyph) => glyph.baselineMm - 0.88 * glyph.sizeMm;
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pageNumberOn = (pdf: string, page: number) => glyphs(pdf, page).filter((g) => g.char === '—').length > 0;

describe('building a document and a letter', () => {
  let outDir: string;
  let results: DocumentResult[];
  const output = (name: string, ext: string) => join(outDir, `${name}.${ext}`);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'gongwen-templates-'));
    results = await buildDocuments([join(SOURCES, `${DOCUMENT}.md`), join(SOURCES, `${LETTER_SAMPLE}.md`)], { outDir });
  }, 300_000);

  it('builds both without error', () => {
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined]);
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

    it('ends with the 版记 on an even page without a page number, its last rule on the block’s bottom edge (7.4.1, 7.5)', () => {
      const last = pageCount(pdf());
      expect(last % 2).toBe(0);
      expect(pageNumberOn(pdf(), last)).toBe(false);
      expect(glyphs(pdf(), last).map((g) => g.char).join('')).toBe('国务院办公厅2004年1月16日印发');
      const rules = fills(pdf(), last).sort((a, b) => a.topMm - b.topMm);
      const bottom = rules.at(-1)!;
      expect(Math.abs(bottom.bottomMm - BLOCK_BOTTOM_MM)).toBeLessThanOrEqual(TOLERANCE_MM);
      for (const rule of rules) expect(rule.rightMm - rule.leftMm).toBeCloseTo(TEXT_BLOCK.widthMm, 0);
      // The outer rules are 0.35 mm, not rounded to a pixel (0.26 mm).
      expect(bottom.bottomMm - bottom.topMm).toBeCloseTo(0.35, 1);
    });

    it('writes an EPUB that passes epubcheck', async () => {
      const report = await epubcheck(readFileSync(output(DOCUMENT, 'epub')));
      expect(formatMessages([...report.fatals, ...report.errors, ...report.warnings])).toBe('');
    });
  });

  describe('letter (函)', () => {
    const pdf = () => output(LETTER_SAMPLE, 'pdf');

    it('puts the mark’s top 30 mm from the paper’s top, no page number on page 1 (10.1)', () => {
      expect(Math.abs(redInkRuns(pdf(), 1)[0].topMm - LETTER.markTopMm)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(pageNumberOn(pdf(), 1)).toBe(false);
      expect(pageNumberOn(pdf(), 2)).toBe(true);
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

    it('writes an EPUB that passes epubcheck', async () => {
      const report = await epubcheck(readFileSync(output(LETTER_SAMPLE, 'epub')));
      expect(formatMessages([...report.fatals, ...report.errors, ...report.warnings])).toBe('');
    });
  });
});
