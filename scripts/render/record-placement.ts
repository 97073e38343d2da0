/**
 * Where the 版记 goes (GB/T 9704-2012 7.4, 7.5, 10.1). It is on the last
 * page, with its last rule on the bottom edge of the text block; for a
 * document or 纪要 that page is even, the back of the last sheet. So the 版记
 * shares the page the body (attachments included) ends on when that page is
 * even (any page for a letter) and has room for it under the last line, one
 * blank line apart; otherwise it has a page of its own, the next one, and
 * finish.ts puts a blank page before it when that page is odd.
 *
 * Page numbers (7.5: "版记页前有空白页的，空白页和版记页均可不编排页码";
 * docs/gbt9704.md: "no number on blank pages or the 版记 page"): the 版记
 * page without a number is a page holding only the 版记. A page where the
 * 版记 sits under body text is a page of the body and keeps its number, as
 * in the standard's figures of a last page.
 *
 * Chromium has neither `break-before: left` nor page floats, and a page's
 * script sees no page breaks, so the page is printed once to measure: the
 * template puts the 版记 on a page of its own, record-placement.browser.js
 * marks where the body ends, and the PDF's named destinations say on which
 * page and how high. Then the 版记 is placed and the page printed again.
 */
import { readFileSync } from 'node:fs';
import type { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer';
import { LINE_PITCH_MM, MM_PER_PT, TEXT_BLOCK } from '../standard/gbt9704.ts';
import { pageGeometry } from '../template/geometry.ts';

const SCRIPT = readFileSync(new URL('./record-placement.browser.js', import.meta.url), 'utf8');

/** What record-placement.browser.js marked before the measuring print. */
export interface RecordMarks {
  /** Names of the destinations where the body ends and where the 版记 begins. */
  endId: string;
  recordId: string;
  /** Height of the 版记 from its first rule to its last. */
  recordMm: number;
  /** The page the 版记 needs: even (document, 纪要) or any (letter). */
  page: 'even' | 'any';
}

/** What the measuring print shows. */
export interface RecordMeasurement {
  /** 1-based number of the page the body ends on. */
  bodyEndPage: number;
  /** From the body's end down to the text block's bottom edge. */
  roomMm: number;
  recordMm: number;
}

export type RecordPlacement = { shared: true; heightMm: number } | { shared: false };

/** Between the body's last line and the 版记's first rule at least one blank line (as between the parts of 7.3). */
export const RECORD_GAP_MM = LINE_PITCH_MM;

/** The decision: on the body's last page, in a box from the body's end to the block's bottom edge, or on a page of its own. */
export function placeRecord({ bodyEndPage, roomMm, recordMm }: RecordMeasurement, page: RecordMarks['page']): RecordPlacement {
  const rightPage = page === 'any' || bodyEndPage % 2 === 0;
  return rightPage && roomMm >= recordMm + RECORD_GAP_MM ? { shared: true, heightMm: roomMm } : { shared: false };
}

/**
 * pdf-lib, loaded when a 版记 is measured: the browser starts after the render
 * stage's code has loaded, and pdf-lib is a fifth of a second of it. Through
 * our own module: bundled (see scripts/cli/typescript.js), a lazy import of
 * pdf-lib's CommonJS itself has no named exports.
 */
type PdfLib = typeof import('./pdf-document.ts');

/** A named destination's page (1-based) and y (PDF units, up from the bottom). */
function destination({ PDFArray, PDFDict, PDFName, PDFNumber, PDFRef }: PdfLib, pdf: PDFDocument, name: string): { page: number; y: number } {
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const dest = dests?.lookupMaybe(PDFName.of(name), PDFArray);
  const ref = dest?.get(0);
  const y = dest?.lookupMaybe(3, PDFNumber);
  const page = pdf.getPages().findIndex((p) => ref instanceof PDFRef && p.ref === ref) + 1;
  if (!y || page === 0) throw new Error(`the measuring print has no destination ${name}: cannot place the 版记`);
  return { page, y: y.asNumber() };
}

/**
 * Chromium gives a destination's y relative to its page's page area, so the
 * body's end is measured from the 版记's top, which the template puts at the
 * top of the page area of its own page.
 */
export async function measureRecord(printed: Uint8Array, marks: RecordMarks): Promise<RecordMeasurement> {
  const pdfLib = await import('./pdf-document.ts');
  const pdf = await pdfLib.loadPdf(printed);
  const end = destination(pdfLib, pdf, marks.endId);
  const record = destination(pdfLib, pdf, marks.recordId);
  const bodyEndMm = pageGeometry().marginTopMm + (record.y - end.y) * MM_PER_PT;
  return { bodyEndPage: end.page, roomMm: TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm - bodyEndMm, recordMm: marks.recordMm };
}

/**
 * Prints the page with its 版记 placed: once to measure, once to keep; a page
 * without a 版记 once. `print(measuring)`: the measuring print is only read
 * for its destinations, so it may skip what only the kept one needs (tags, outline).
 */
export async function printWithRecordPlaced(page: Page, print: (measuring: boolean) => Promise<Uint8Array>): Promise<Uint8Array> {
  const marks = (await page.evaluate(`${SCRIPT}.mark()`)) as RecordMarks | null;
  if (!marks) return print(false);
  const placement = placeRecord(await measureRecord(await print(true), marks), marks.page);
  await page.evaluate(`${SCRIPT}.place(${JSON.stringify(placement)})`);
  return print(false);
}
