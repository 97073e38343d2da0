/**
 * `checkPdf`: measures a PDF against GB/T 9704 from its laid-out glyphs and
 * returns one result per check, in the order of docs/gbt9704.md's targets.
 */
import { checkBottomEdge, checkCharsPerLine, checkLeftEdge, checkLinesPerPage, checkPageSize, checkRightEdge, checkTitleCentred, checkTopEdge } from './geometry.ts';
import { layoutOf, type Layout } from './lines.ts';
import { checkPageNumberForm, checkPageNumberHeight, checkPageNumberSequence, checkPageNumberSide } from './page-numbers.ts';
import { readPdf, type PdfFont } from './read-pdf.ts';
import { checkRecordLastRule } from './record.ts';
import type { CheckResult } from './result.ts';
import { checkLineEnds, checkLineStarts, checkTextLayer } from './text.ts';
import { checkBodySize, checkElementFonts, checkEmbeddedSubset, checkNoType3, checkPageNumberSize, checkTitleSize } from './typography.ts';

export interface CheckReport {
  file: string;
  pages: number;
  passed: boolean;
  checks: CheckResult[];
}

type Check = (layout: Layout, fonts: PdfFont[]) => CheckResult;

const CHECKS: Check[] = [
  checkPageSize,
  checkBodySize,
  checkTitleSize,
  checkPageNumberSize,
  checkLeftEdge,
  checkRightEdge,
  checkTopEdge,
  checkBottomEdge,
  checkLinesPerPage,
  checkCharsPerLine,
  checkTitleCentred,
  checkElementFonts,
  (_layout, fonts) => checkEmbeddedSubset(fonts),
  checkNoType3,
  checkPageNumberForm,
  checkPageNumberSequence,
  checkPageNumberSide,
  checkPageNumberHeight,
  checkLineStarts,
  checkLineEnds,
  checkTextLayer,
  checkRecordLastRule,
];

export async function checkPdf(file: string): Promise<CheckReport> {
  const { pages, fonts } = await readPdf(file);
  const layout = layoutOf(pages);
  const checks = CHECKS.map((check) => check(layout, fonts));
  return { file, pages: pages.length, passed: checks.every((check) => check.status !== 'fail'), checks };
}

export { UnreadablePdfError } from './read-pdf.ts';
export type { CheckResult } from './result.ts';
