/**
 * GB/T 9704-2012 7.4, 7.5: the 版记 is on the last page, which is an even
 * page (the back of the last sheet), and a blank page before it has no page
 * number. A 版记 that shares the body's last page is on an even page already
 * (record-placement.ts); one on a page of its own follows the body's last
 * page, and Chromium ignores `break-before: left`, so when that page comes
 * out odd a blank page is inserted before it here.
 */
import type { PDFDocument } from 'pdf-lib';
import type { FrontMatter } from '../ast/types.ts';
import { recordOnEvenPage } from '../template/record.ts';

export function placeRecordOnEvenPage(pdf: PDFDocument, meta: FrontMatter): void {
  const count = pdf.getPageCount();
  if (!recordOnEvenPage(meta) || count % 2 === 0) return;
  const { width, height } = pdf.getPage(count - 1).getSize();
  pdf.insertPage(count - 1, [width, height]);
}
