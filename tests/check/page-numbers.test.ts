/**
 * Page numbers and font embedding on PDFs drawn with pdf-lib: quick to make,
 * and the standard 14 fonts are never embedded.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPdf } from '../../scripts/check/index.ts';
import { CELL_MM, PAGE_NUMBER, PAPER, PT_PER_MM, SIZE_PT, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongwen-check-numbers-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const DASH_LINE_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm + PAGE_NUMBER.belowBlockMm;

/** A PDF of blank A4 pages, each with only its page number, where the standard puts it. */
async function numberedPdf(name: string, labels: string[]): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  labels.forEach((label, index) => {
    const page = document.addPage([PAPER.widthMm * PT_PER_MM, PAPER.heightMm * PT_PER_MM]);
    const width = font.widthOfTextAtSize(label, SIZE_PT.pageNumber);
    const odd = index % 2 === 0;
    const xMm = odd ? TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm - CELL_MM - width / PT_PER_MM : TEXT_BLOCK.leftMm + CELL_MM;
    // A baseline half Helvetica's ascent below the dashes' line puts the em box's middle within half a millimetre of it.
    const baselineMm = DASH_LINE_MM + (font.heightAtSize(SIZE_PT.pageNumber, { descender: false }) / PT_PER_MM) / 2;
    page.drawText(label, { x: xMm * PT_PER_MM, y: (PAPER.heightMm - baselineMm) * PT_PER_MM, size: SIZE_PT.pageNumber, font });
  });
  const path = join(dir, `${name}.pdf`);
  await writeFile(path, await document.save());
  return path;
}

const statusOf = async (path: string) => Object.fromEntries((await checkPdf(path)).checks.map((check) => [check.id, check.status]));

describe('page numbers', () => {
  test('"— N —" on pages 1..3, each on its side, pass', async () => {
    const status = await statusOf(await numberedPdf('good', ['— 1 —', '— 2 —', '— 3 —']));
    const numberChecks = ['page-number-form', 'page-number-sequence', 'page-number-side', 'page-number-height', 'size-page-number'];
    expect(numberChecks.map((id) => status[id])).toEqual(numberChecks.map(() => 'pass'));
  });

  test('hyphens instead of U+2014 fail the form only', async () => {
    const status = await statusOf(await numberedPdf('hyphens', ['- 1 -', '- 2 -', '- 3 -']));
    expect([status['page-number-form'], status['page-number-sequence'], status['page-number-side']]).toEqual(['fail', 'pass', 'pass']);
  });

  test('a gap fails the sequence only', async () => {
    const status = await statusOf(await numberedPdf('gap', ['— 1 —', '— 3 —', '— 4 —']));
    expect([status['page-number-form'], status['page-number-sequence'], status['page-number-side']]).toEqual(['pass', 'fail', 'pass']);
  });

  test('page 1 may go unnumbered (a 信函), page 2 may not', async () => {
    expect((await statusOf(await numberedPdf('letter', ['', '— 2 —', '— 3 —'])))['page-number-sequence']).toBe('pass');
    expect((await statusOf(await numberedPdf('no-two', ['— 1 —', '', '— 3 —'])))['page-number-sequence']).toBe('fail');
  });

  test('a font that is not embedded fails fonts-embedded', async () => {
    const report = await checkPdf(await numberedPdf('helvetica', ['— 1 —']));
    expect(report.checks.find((check) => check.id === 'fonts-embedded')).toMatchObject({ status: 'fail', problems: ['Helvetica (Type1) is not embedded', 'Helvetica (Type1) is not a subset'] });
  });
});
