/**
 * The 版记's last rule (GB/T 9704-2012 7.4.1): filled shapes as pdfjs reads
 * them from a PDF drawn with pdf-lib, and the check on pages built by hand.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concatTransformationMatrix, fill, PDFDocument, popGraphicsState, pushGraphicsState, rectangle } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { layoutOf } from '../../scripts/check/lines.ts';
import { readPdf, type PdfFont, type PdfPage, type Shape, type TextRun } from '../../scripts/check/read-pdf.ts';
import { checkRecordLastRule } from '../../scripts/check/record.ts';
import { LINE_PITCH_MM, PAPER, PT_PER_MM, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';

const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
const BLOCK_RIGHT_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm;

describe('filled shapes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongwen-check-shapes-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('come out in mm from the top-left corner, through the transformation matrices in force', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([PAPER.widthMm * PT_PER_MM, PAPER.heightMm * PT_PER_MM]);
    const y = (mm: number) => (PAPER.heightMm - mm) * PT_PER_MM;
    // A rule 0.35 mm high drawn directly, and one drawn as Chromium draws a scaled 1 px line: a unit box under a matrix.
    page.drawRectangle({ x: TEXT_BLOCK.leftMm * PT_PER_MM, y: y(BLOCK_BOTTOM_MM), width: TEXT_BLOCK.widthMm * PT_PER_MM, height: 0.35 * PT_PER_MM });
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(TEXT_BLOCK.widthMm * PT_PER_MM, 0, 0, 0.25 * PT_PER_MM, TEXT_BLOCK.leftMm * PT_PER_MM, y(200)),
      rectangle(0, 0, 1, 1),
      fill(),
      popGraphicsState(),
    );
    const file = join(dir, 'shapes.pdf');
    await writeFile(file, await pdf.save());
    const [{ shapes }] = (await readPdf(file)).pages;
    const sorted = [...shapes].sort((a, b) => a.topMm - b.topMm);
    expect(sorted).toHaveLength(2);
    const [inner, outer] = sorted;
    expect(inner.bottomMm).toBeCloseTo(200, 2);
    expect(inner.bottomMm - inner.topMm).toBeCloseTo(0.25, 2);
    expect(outer.bottomMm).toBeCloseTo(BLOCK_BOTTOM_MM, 2);
    expect(outer.bottomMm - outer.topMm).toBeCloseTo(0.35, 2);
    for (const shape of shapes) {
      expect(shape.leftMm).toBeCloseTo(TEXT_BLOCK.leftMm, 2);
      expect(shape.rightMm).toBeCloseTo(BLOCK_RIGHT_MM, 2);
    }
  });
});

describe('checkRecordLastRule', () => {
  const font: PdfFont = { id: 'f1', name: 'ABCDEF+FangSong', type: 'CIDFontType2', embedded: true, ascent: 0.88, descent: -0.12 };
  const run = (text: string, baselineMm: number, sizePt = 16): TextRun => ({ text, xMm: TEXT_BLOCK.leftMm, endMm: BLOCK_RIGHT_MM, baselineMm, sizePt, font, structure: [] });
  const rule = (bottomMm: number, heightMm = 0.35): Shape => ({ leftMm: TEXT_BLOCK.leftMm, rightMm: BLOCK_RIGHT_MM, topMm: bottomMm - heightMm, bottomMm });
  const body = (lines: number) => Array.from({ length: lines }, (_, i) => run('的'.repeat(28), TEXT_BLOCK.topMm + 5 + i * LINE_PITCH_MM));
  const page = (number: number, runs: TextRun[], shapes: Shape[] = []): PdfPage => ({ number, widthMm: 210, heightMm: 297, runs, shapes });
  /** A last page with body text and the 版记 at the bottom, its last rule at `lastRuleMm`. */
  const lastPage = (number: number, lastRuleMm: number, shapes = [rule(lastRuleMm - 16), rule(lastRuleMm - 8, 0.25), rule(lastRuleMm)]) =>
    page(number, [...body(10), run('抄送：市委办公室。', lastRuleMm - 10, 14), run('示例市人民政府办公室　2025年3月2日印发', lastRuleMm - 2, 14)], shapes);

  test('passes a last rule on the block’s bottom edge of the last page', () => {
    const result = checkRecordLastRule(layoutOf([page(1, body(22)), lastPage(2, BLOCK_BOTTOM_MM + 0.2)]));
    expect(result.status).toBe('pass');
    expect(result.measured).toBe('262.2 mm (p. 2)');
  });

  test('fails a last rule off the edge', () => {
    const result = checkRecordLastRule(layoutOf([page(1, body(22)), lastPage(2, BLOCK_BOTTOM_MM - 12)]));
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual(['p. 2: last rule at 250.0 mm']);
  });

  test('fails a 版记 that is not on the last page', () => {
    const result = checkRecordLastRule(layoutOf([lastPage(1, BLOCK_BOTTOM_MM), page(2, body(3))]));
    expect(result.status).toBe('fail');
    expect(result.problems[0]).toMatch(/p\. 1, the last page is 2/);
  });

  test('skips a PDF without a 版记, and a 版记 without rules (a letter’s)', () => {
    expect(checkRecordLastRule(layoutOf([page(1, body(22))])).status).toBe('skip');
    expect(checkRecordLastRule(layoutOf([lastPage(1, BLOCK_BOTTOM_MM, [])])).status).toBe('skip');
  });

  test('takes neither a short line nor a rule above the 版记 for its last rule', () => {
    const tableBorder = rule(100);
    const short = { ...rule(BLOCK_BOTTOM_MM + 0.5), rightMm: TEXT_BLOCK.leftMm + 40 };
    const result = checkRecordLastRule(layoutOf([lastPage(1, BLOCK_BOTTOM_MM - 12, [tableBorder, rule(BLOCK_BOTTOM_MM - 12), short])]));
    expect(result.problems).toEqual(['p. 1: last rule at 250.0 mm']);
  });
});
