/**
 * 页码 (GB/T 9704 7.5): "— N —" with 一字线 (U+2014), numbered 1..N without
 * gaps, odd pages right and even pages left one character in from the text
 * block, the dashes 7 mm below it.
 */
import { CELL_MM, PAGE_NUMBER, TEXT_BLOCK } from '../standard/gbt9704.ts';
import { emMiddle, withoutSpaces, type Layout, type Line } from './lines.ts';
import { formatCodePoint, judgeEach, judgeProblems, plural, skipped, within, type CheckResult } from './result.ts';

const CLAUSE = '7.5';
const INSET_MM = PAGE_NUMBER.insetChars * CELL_MM;
const ODD_PAGE_END_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm - INSET_MM;
const EVEN_PAGE_START_MM = TEXT_BLOCK.leftMm + INSET_MM;
const DASH_LINE_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm + PAGE_NUMBER.belowBlockMm;
const WELL_FORMED = new RegExp(`^${PAGE_NUMBER.dash}[0-9]+${PAGE_NUMBER.dash}$`);

function pageNumbers(layout: Layout): Line[] {
  return layout.lines.filter((line) => line.role === 'pageNumber');
}

export function checkPageNumberForm(layout: Layout): CheckResult {
  const spec = { id: 'page-number-form', name: 'Page number form', clause: CLAUSE, wanted: '— N — (U+2014, half-width digits)' };
  const numbers = pageNumbers(layout);
  if (!numbers.length) return skipped(spec, 'no page numbers');
  const problems = numbers
    .filter((line) => !WELL_FORMED.test(withoutSpaces(line.text)))
    .map((line) => `p. ${line.page}: “${line.text}” (${codePoints(line.text)})`);
  return judgeProblems(spec, `${plural(numbers.length, 'page number')}, e.g. "${numbers[0].text}"`, problems);
}

/**
 * Number n on page n. Pages after the last number (a 版记 page) may go
 * unnumbered, and so may page 1 (10.1: a 信函's first page shows none).
 */
export function checkPageNumberSequence(layout: Layout): CheckResult {
  const spec = { id: 'page-number-sequence', name: 'Page numbers 1..N without gaps', clause: `${CLAUSE}, 10.1`, wanted: 'page n numbered n' };
  const numbers = pageNumbers(layout);
  const byPage = new Map(numbers.map((line) => [line.page, Number(line.text.match(/[0-9]+/)?.[0] ?? NaN)]));
  const lastNumbered = Math.max(0, ...byPage.keys());
  const problems = layout.pages
    .filter((page) => page.number <= lastNumbered && byPage.get(page.number) !== page.number)
    .filter((page) => page.number > 1 || byPage.has(1))
    .map((page) => (byPage.has(page.number) ? `p. ${page.number} numbered ${byPage.get(page.number)}` : `p. ${page.number} has no page number`));
  if (!numbers.length) problems.push('no page numbers found');
  const measured = numbers.length ? `${formatRuns([...byPage.values()])} on ${layout.pages.length} pages` : 'none';
  return judgeProblems(spec, measured, problems);
}

export function checkPageNumberSide(layout: Layout): CheckResult {
  const spec = {
    id: 'page-number-side',
    name: 'Page number side: odd right, even left, one character in',
    clause: CLAUSE,
    wanted: `odd: ends at ${ODD_PAGE_END_MM.toFixed(1)} mm; even: starts at ${EVEN_PAGE_START_MM.toFixed(1)} mm (± ${TEXT_BLOCK.toleranceMm})`,
  };
  const measurements = pageNumbers(layout).map((line) => {
    const odd = line.page % 2 === 1;
    return { where: `p. ${line.page} (${odd ? 'odd, right end' : 'even, left start'})`, value: (odd ? line.endMm - ODD_PAGE_END_MM : line.startMm - EVEN_PAGE_START_MM) };
  });
  const result = judgeEach(spec, measurements, { ok: (offset) => within(offset, 0, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'page number', none: 'no page numbers' });
  return { ...result, measured: result.status === 'skip' ? result.measured : `offsets ${result.measured}` };
}

/** The 一字线 is drawn across the middle of the em box, so the box's middle is the dashes' line. */
export function checkPageNumberHeight(layout: Layout): CheckResult {
  const spec = { id: 'page-number-height', name: 'Page number dashes 7 mm below the text block', clause: CLAUSE, wanted: `${DASH_LINE_MM} mm ± ${TEXT_BLOCK.toleranceMm}` };
  const measurements = pageNumbers(layout).map((line) => ({ where: `p. ${line.page}`, value: emMiddle(line) }));
  return judgeEach(spec, measurements, { ok: (y) => within(y, DASH_LINE_MM, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'page number', none: 'no page numbers' });
}

/** "1–6, 8" for 1, 2, 3, 4, 5, 6, 8. */
function formatRuns(numbers: number[]): string {
  const runs: number[][] = [];
  for (const number of numbers) {
    const run = runs.at(-1);
    if (run && number === run.at(-1)! + 1) run.push(number);
    else runs.push([number]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}–${run.at(-1)}` : String(run[0]))).join(', ');
}

function codePoints(text: string): string {
  return [...new Set(withoutSpaces(text).replace(/[0-9]/g, ''))].map(formatCodePoint).join(' ');
}
