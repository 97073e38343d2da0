/**
 * Page and text block: paper size, the four edges of the text block, and the
 * 22 × 28 grid (GB/T 9704 5.1, 5.2.1, 5.2.3).
 */
import { CELL_MM, GRID, PAPER, TEXT_BLOCK } from '../standard/gbt9704.ts';
import { charCount, emMiddle, isFullLine, startsAtLeftEdge, linesOfPage, where, withoutSpaces, type Layout, type Line } from './lines.ts';
import { judgeEach, judgeProblems, within, formatNumber, type CheckResult } from './result.ts';
import { CLOSING_MARK, OPENING_MARK, RIGHT_EDGE_TOLERANCE_MM } from './tolerances.ts';

const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
const BLOCK_RIGHT_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm;
const BLOCK_CENTRE_MM = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm / 2;

export function checkPageSize(layout: Layout): CheckResult {
  const spec = { id: 'page-size', name: 'Page size', clause: '5.1', wanted: `${PAPER.widthMm} × ${PAPER.heightMm} mm ± ${PAPER.toleranceMm}` };
  const fits = (page: Layout['pages'][number]) =>
    within(page.widthMm, PAPER.widthMm, PAPER.toleranceMm) && within(page.heightMm, PAPER.heightMm, PAPER.toleranceMm);
  const sizeOf = (page: Layout['pages'][number]) => `${formatNumber(page.widthMm)} × ${formatNumber(page.heightMm)} mm`;
  const sizes = [...new Set(layout.pages.map(sizeOf))];
  const problems = layout.pages.filter((page) => !fits(page)).map((page) => `p. ${page.number}: ${sizeOf(page)}`);
  return judgeProblems(spec, `${sizes.join(', ')} (${layout.pages.length} pages)`, problems);
}

/** Per page, the leftmost body line; only pages with two full lines, so one of them is a continuation line. */
export function checkLeftEdge(layout: Layout): CheckResult {
  const spec = { id: 'left-edge', name: 'Body lines start (订口)', clause: '5.2.1', wanted: `${TEXT_BLOCK.leftMm} mm ± ${TEXT_BLOCK.toleranceMm}` };
  const pages = pagesWith(layout, (lines) => lines.filter((line) => isFullLine(line, layout)).length >= 2);
  const measurements = pages.map((page) => ({
    where: `p. ${page}`,
    value: Math.min(...bodyLines(layout, page).map((line) => line.startMm)),
  }));
  return judgeEach(spec, measurements, { ok: (x) => within(x, TEXT_BLOCK.leftMm, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'page', none: 'no page with full lines' });
}

export function checkRightEdge(layout: Layout): CheckResult {
  const spec = { id: 'right-edge', name: 'Full lines end (版心 156 mm wide)', clause: '5.2.1', wanted: `${BLOCK_RIGHT_MM} mm ± ${RIGHT_EDGE_TOLERANCE_MM}` };
  const measurements = fullLines(layout).map((line) => ({ where: where(line), value: line.endMm }));
  return judgeEach(spec, measurements, { ok: (x) => within(x, BLOCK_RIGHT_MM, RIGHT_EDGE_TOLERANCE_MM), unit: ' mm', per: 'full line', none: 'no full line' });
}

/** Pages whose first line is a body line (a title or blank line on top of page 1 says nothing about 天头). */
export function checkTopEdge(layout: Layout): CheckResult {
  const spec = { id: 'top-edge', name: 'First line em box top (天头)', clause: '5.2.1', wanted: `${TEXT_BLOCK.topMm} mm ± ${TEXT_BLOCK.toleranceMm}` };
  const firstLines = layout.pages
    .map((page) => blockLines(layout, page.number)[0])
    .filter((line): line is Line => line?.role === 'body');
  const measurements = firstLines.map((line) => ({ where: `p. ${line.page}`, value: line.emTopMm }));
  return judgeEach(spec, measurements, { ok: (y) => within(y, TEXT_BLOCK.topMm, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'page', none: 'no page starts with a body line' });
}

export function checkBottomEdge(layout: Layout): CheckResult {
  const spec = { id: 'bottom-edge', name: 'Full page: last line em box bottom', clause: '5.2.1', wanted: `${BLOCK_BOTTOM_MM} mm ± ${TEXT_BLOCK.toleranceMm}` };
  const measurements = fullPages(layout).map((page) => ({ where: `p. ${page}`, value: blockLines(layout, page).at(-1)!.emBottomMm }));
  return judgeEach(spec, measurements, { ok: (y) => within(y, BLOCK_BOTTOM_MM, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'full page', none: 'no full page' });
}

/**
 * Lines a full page spans on the grid, blank lines included (a 行 of 3.2 is
 * a grid row, written on or not): first to last line in line pitches.
 * Pages with a title are left out: the title block's own spacing and the
 * blank line above it cannot be told from the page.
 */
export function checkLinesPerPage(layout: Layout): CheckResult {
  const spec = { id: 'lines-per-page', name: 'Lines on a full page (blank lines count)', clause: '5.2.3', wanted: String(GRID.linesPerPage) };
  const pitchMm = linePitchMm(layout);
  const pages = fullPages(layout).filter((page) => !blockLines(layout, page).some((line) => line.role === 'title'));
  const measurements = pages.map((page) => ({ where: `p. ${page}`, value: gridRows(blockLines(layout, page), pitchMm) }));
  return judgeEach(spec, measurements, { ok: (count) => count === GRID.linesPerPage, unit: ' lines', per: 'full page', none: 'no full page without a title' });
}

function gridRows(lines: Line[], pitchMm: number): number {
  return 1 + Math.round((emMiddle(lines.at(-1)!) - emMiddle(lines[0])) / pitchMm);
}

/** The document's line pitch: the median distance between neighbouring body lines on a page. */
function linePitchMm(layout: Layout): number {
  const distances = layout.pages.flatMap((page) => {
    const lines = bodyLines(layout, page.number);
    return lines.slice(1).map((line, index) => emMiddle(line) - emMiddle(lines[index]));
  });
  return distances.sort((a, b) => a - b)[Math.floor(distances.length / 2)] ?? 0;
}

/**
 * Full lines that start at the left edge (not a paragraph's indented first
 * line) and are set wholly in full-width characters: a half-width digit or
 * letter takes half a cell or less, so lines with them prove nothing about the grid.
 *
 * A line is measured in cells: its characters, less half a cell for each
 * closing mark set half-width (标点挤压), which a line holding more
 * characters than its width has cells must have. A line cut short because
 * the next one starts with an opening mark (which may not end a line, GB/T
 * 15834 §5.1), a run of digits or Latin letters (not split), or a character
 * with the closing mark that may not start a line, and that no squeezing made
 * room for, is not a full line of the grid (5.2.3 allows for 特定情况): it is left out.
 */
export function checkCharsPerLine(layout: Layout): CheckResult {
  const spec = { id: 'chars-per-line', name: 'Characters on a full line', clause: '5.2.3', wanted: String(GRID.charsPerLine) };
  const next = new Map(layout.lines.map((line, i) => [line, layout.lines[i + 1]]));
  const cutByRule = (line: Line) => UNBREAKABLE_START.test(withoutSpaces(next.get(line)?.text ?? ''));
  const lines = fullLines(layout).filter((line) => startsAtLeftEdge(line, layout) && isAllFullWidth(line.text) && !cutByRule(line));
  const measurements = lines.map((line) => ({ where: where(line), value: cellsOf(line) }));
  return judgeEach(spec, measurements, { ok: (count) => count === GRID.charsPerLine, unit: ' characters', per: 'full line', none: 'no full line of full-width characters' });
}

/** A next line that starts like this took its first characters from this line by a no-break rule. */
const UNBREAKABLE_START = new RegExp(`^(?:${OPENING_MARK.source}|[0-9A-Za-z]|.${CLOSING_MARK.source})`, 'u');

/** Characters of a line in grid cells: each squeezed closing mark takes half a cell. */
function cellsOf(line: Line): number {
  const chars = charCount(line);
  const byWidth = Math.round(((line.endMm - line.startMm) / CELL_MM) * 2) / 2;
  const marks = [...withoutSpaces(line.text)].filter((c) => CLOSING_MARK.test(c)).length;
  const squeezed = (chars - byWidth) * 2;
  return squeezed > 0 && squeezed <= marks ? chars - squeezed / 2 : chars;
}

/** Target 7 of docs/gbt9704.md: every title line centred on the text block within 1 mm. */
export function checkTitleCentred(layout: Layout): CheckResult {
  const spec = { id: 'title-centred', name: 'Title centred on the text block', clause: '7.3.1', wanted: `centre at ${BLOCK_CENTRE_MM} mm ± ${TEXT_BLOCK.toleranceMm}` };
  const measurements = layout.lines.filter((line) => line.role === 'title').map((line) => ({ where: where(line), value: (line.startMm + line.endMm) / 2 }));
  return judgeEach(spec, measurements, { ok: (x) => within(x, BLOCK_CENTRE_MM, TEXT_BLOCK.toleranceMm), unit: ' mm', per: 'title line', none: 'no title line found' });
}

/**
 * A page is full when its text runs on: its last line reaches the right edge
 * and a later page has body text. A page cut short (a heading kept with its
 * paragraph, the end of a part) is not full.
 */
export function fullPages(layout: Layout): number[] {
  const lastBodyPage = Math.max(0, ...layout.lines.filter((line) => line.role === 'body').map((line) => line.page));
  return pagesWith(layout, (lines, page) => page < lastBodyPage && lines.length > 0 && isFullLine(lines.at(-1)!, layout));
}

/** Lines inside the text block: everything but the page number. */
function blockLines(layout: Layout, page: number): Line[] {
  return linesOfPage(layout, page).filter((line) => line.role !== 'pageNumber');
}

function bodyLines(layout: Layout, page: number): Line[] {
  return linesOfPage(layout, page).filter((line) => line.role === 'body');
}

function fullLines(layout: Layout): Line[] {
  return layout.lines.filter((line) => isFullLine(line, layout));
}

function pagesWith(layout: Layout, test: (lines: Line[], page: number) => boolean): number[] {
  return layout.pages.map((page) => page.number).filter((page) => test(blockLines(layout, page), page));
}

/** CJK ideographs, kana, full-width forms and the CJK punctuation a Chinese font sets one em wide. */
function isAllFullWidth(text: string): boolean {
  return /^[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]+$/u.test(withoutSpaces(text));
}
