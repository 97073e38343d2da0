/**
 * Where the 版记 goes (GB/T 9704-2012 7.4, 10.1): the decision from what the
 * measuring print shows, and the measuring itself on PDFs made with pdf-lib
 * whose named destinations are written as Chromium writes them (y relative
 * to the page area's top, up from it).
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { measureRecord, placeRecord, RECORD_GAP_MM, type RecordMarks } from '../../scripts/render/record-placement.ts';
import { PAPER, PT_PER_MM, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { pageGeometry } from '../../scripts/template/geometry.ts';

const RECORD_MM = 20;
const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;

describe('placeRecord', () => {
  const fits = RECORD_MM + RECORD_GAP_MM + 5;
  const tight = RECORD_MM + RECORD_GAP_MM - 0.1;

  test('shares an even last page with room, in a box down to the block’s bottom edge', () => {
    expect(placeRecord({ bodyEndPage: 6, roomMm: fits, recordMm: RECORD_MM }, 'even')).toEqual({ shared: true, heightMm: fits });
  });

  test('takes a page of its own after an odd last page, however much room it has', () => {
    expect(placeRecord({ bodyEndPage: 5, roomMm: 150, recordMm: RECORD_MM }, 'even')).toEqual({ shared: false });
  });

  test('takes a page of its own when the room is short of the 版记 and one blank line', () => {
    expect(placeRecord({ bodyEndPage: 6, roomMm: tight, recordMm: RECORD_MM }, 'even')).toEqual({ shared: false });
    expect(placeRecord({ bodyEndPage: 6, roomMm: RECORD_MM + RECORD_GAP_MM, recordMm: RECORD_MM }, 'even').shared).toBe(true);
  });

  test('a letter’s 版记 shares any last page with room (10.1)', () => {
    expect(placeRecord({ bodyEndPage: 1, roomMm: fits, recordMm: RECORD_MM }, 'any')).toEqual({ shared: true, heightMm: fits });
    expect(placeRecord({ bodyEndPage: 1, roomMm: tight, recordMm: RECORD_MM }, 'any')).toEqual({ shared: false });
  });
});

describe('measureRecord', () => {
  const marks: RecordMarks = { endId: 'gw-body-end', recordId: 'gw-record', recordMm: RECORD_MM, page: 'even' };
  const pageHeightPt = PAPER.heightMm * PT_PER_MM;

  /** Pages, and destinations at mm below the page area's top on 1-based pages, as Chromium writes them. */
  async function printed(pages: number, dests: Record<string, { page: number; belowAreaTopMm: number }>): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const refs = Array.from({ length: pages }, () => pdf.addPage([PAPER.widthMm * PT_PER_MM, pageHeightPt]).ref);
    const entries = Object.fromEntries(
      Object.entries(dests).map(([name, { page, belowAreaTopMm }]) => [name, [refs[page - 1], PDFName.of('XYZ'), 6, pageHeightPt - belowAreaTopMm * PT_PER_MM, 0]]),
    );
    pdf.catalog.set(PDFName.of('Dests'), pdf.context.obj(entries));
    return pdf.save();
  }

  test('finds the page the body ends on and the room under it', async () => {
    const bodyEndMm = 150;
    const pdf = await printed(8, { 'gw-body-end': { page: 6, belowAreaTopMm: bodyEndMm - pageGeometry().marginTopMm }, 'gw-record': { page: 7, belowAreaTopMm: 0 } });
    const measured = await measureRecord(pdf, marks);
    expect(measured.bodyEndPage).toBe(6);
    expect(measured.roomMm).toBeCloseTo(BLOCK_BOTTOM_MM - bodyEndMm, 3);
    expect(measured.recordMm).toBe(RECORD_MM);
  });

  test('measures from the 版记’s top, so an offset common to both destinations does not matter', async () => {
    const offsetMm = 12;
    const bodyEndMm = 200;
    const pdf = await printed(3, {
      'gw-body-end': { page: 2, belowAreaTopMm: bodyEndMm - pageGeometry().marginTopMm + offsetMm },
      'gw-record': { page: 3, belowAreaTopMm: offsetMm },
    });
    expect((await measureRecord(pdf, marks)).roomMm).toBeCloseTo(BLOCK_BOTTOM_MM - bodyEndMm, 3);
  });

  test('stops with a message when a destination is missing', async () => {
    const pdf = await printed(2, { 'gw-record': { page: 2, belowAreaTopMm: 0 } });
    await expect(measureRecord(pdf, marks)).rejects.toThrow(/gw-body-end/);
  });
});
