/**
 * Lines of a page: runs grouped by baseline, then given the role they play
 * (body, title, page number) from their glyph size and position alone, so
 * that any PDF can be measured, not only ours.
 */
import type { PdfFont, PdfPage, TextRun } from './read-pdf.ts';
import { CELL_MM, INDENT_CHARS, MM_PER_PT } from '../standard/gbt9704.ts';
import { BASELINE_TOLERANCE_MM, CJK_EM_ASCENT, CLOSING_MARK, PAGE_NUMBER_PATTERN, PAGE_NUMBER_ZONE, RIGHT_EDGE_TOLERANCE_MM, SIZE_TOLERANCE_PT } from './tolerances.ts';

export type Role = 'title' | 'body' | 'pageNumber' | 'other';

export interface Line {
  page: number;
  /** Text with whitespace between runs kept as the PDF has it. */
  text: string;
  runs: TextRun[];
  startMm: number;
  endMm: number;
  baselineMm: number;
  /** Glyph size of most of the line's characters. */
  sizePt: number;
  /** Top and bottom of the em box of the line's main font. */
  emTopMm: number;
  emBottomMm: number;
  role: Role;
  /** The line ends with a half-width closing mark (its box's right half is not counted in endMm). */
  squeezedEnd?: boolean;
  /** The next line of the text block goes on with this line's paragraph, so this one is justified (set in layoutOf). */
  runsOn?: boolean;
}

export interface Layout {
  pages: PdfPage[];
  /** All lines of all pages, in reading order (page, then top to bottom). */
  lines: Line[];
  bodySizePt: number;
  /** Where most body lines start and end: the edges of the text block as laid out. */
  bodyLeftEdgeMm: number;
  bodyRightEdgeMm: number;
}

export function layoutOf(pages: PdfPage[]): Layout {
  const unclassified = pages.flatMap((page) => groupIntoLines(page));
  const bodySizePt = mostCommon(unclassified.filter((line) => !isPageNumberCandidate(line, pages)), (line) => Math.round(line.sizePt * 10) / 10, charCount) ?? 0;
  const withRoles = unclassified.map((line) => ({ ...line, role: roleOf(line, bodySizePt, pages) }));
  const body = withRoles.filter((line) => line.role === 'body');
  const bodyLeftEdgeMm = leftEdgeOf(body.map((line) => line.startMm));
  const bodyRightEdgeMm = mostCommonPosition(body.map((line) => line.endMm));
  const title = new Set(titleLines(withRoles, bodySizePt, { leftMm: bodyLeftEdgeMm, rightMm: bodyRightEdgeMm }));
  const lines = withRoles.map((line) => withSqueezedEnd(title.has(line) ? { ...line, role: 'title' as const } : line, bodyRightEdgeMm));
  return { pages, lines: withRunOn(lines, bodyLeftEdgeMm), bodySizePt, bodyLeftEdgeMm, bodyRightEdgeMm };
}

/**
 * A paragraph's first line is indented (7.3.3) and its other lines start at
 * the left edge: a body line followed, past the page number and onto the
 * next page, by a body line at the left edge is not its paragraph's last.
 */
function withRunOn(lines: Line[], leftEdgeMm: number): Line[] {
  const text = lines.filter((line) => line.role !== 'pageNumber');
  const runsOn = new Set(text.filter((line, i) => line.role === 'body' && text[i + 1]?.role === 'body' && Math.abs(text[i + 1].startMm - leftEdgeMm) <= CELL_MM / 2));
  return lines.map((line) => (runsOn.has(line) ? { ...line, runsOn: true } : line));
}

/**
 * A closing mark ending a line may be set half-width (标点挤压, GB/T 15834;
 * W3C clreq 3.1.6): its glyph sits in the left half of its em box, and the
 * PDF still gives the box a whole em. A final mark whose whole box passes the
 * block's edge while its left half ends at the edge is such a mark: the line
 * ends with that half. A mark that starts at the edge (hanging punctuation)
 * still passes it.
 */
function withSqueezedEnd(line: Line, rightEdgeMm: number): Line {
  const halfEmMm = (line.sizePt * MM_PER_PT) / 2;
  const squeezed =
    CLOSING_MARK.test(withoutSpaces(line.text).at(-1) ?? '') &&
    line.endMm > rightEdgeMm + RIGHT_EDGE_TOLERANCE_MM &&
    line.endMm - halfEmMm <= rightEdgeMm + RIGHT_EDGE_TOLERANCE_MM;
  return squeezed ? { ...line, endMm: line.endMm - halfEmMm, squeezedEnd: true } : line;
}

/**
 * Where body lines start: the most common start, unless a well-used start
 * lies about the first-line indent (2 characters, 7.3.3) to its left — in a
 * text of short paragraphs most lines are indented first lines.
 */
function leftEdgeOf(startsMm: number[]): number {
  const common = mostCommonPosition(startsMm);
  const unindented = startsMm.filter((x) => Math.abs(common - x - INDENT_CHARS * CELL_MM) <= CELL_MM / 2);
  return unindented.length >= startsMm.length / 10 ? mostCommonPosition(unindented) : common;
}

/** The most common of some positions, to the half millimetre. */
function mostCommonPosition(positionsMm: number[]): number {
  return mostCommon(positionsMm, (position) => Math.round(position * 2) / 2, () => 1) ?? 0;
}

/** Runs whose baselines agree within a small tolerance are one line; sorted left to right. */
export function groupIntoLines(page: PdfPage): Line[] {
  const groups: TextRun[][] = [];
  for (const run of [...page.runs].sort((a, b) => a.baselineMm - b.baselineMm || a.xMm - b.xMm)) {
    const group = groups.find((candidate) => Math.abs(candidate[0].baselineMm - run.baselineMm) <= BASELINE_TOLERANCE_MM);
    if (group) group.push(run);
    else groups.push([run]);
  }
  return groups.map((runs) => toLine(page.number, runs.sort((a, b) => a.xMm - b.xMm)));
}

function toLine(page: number, runs: TextRun[]): Line {
  const main = runs.reduce((longest, run) => (charCount(run) > charCount(longest) ? run : longest));
  const baselineMm = main.baselineMm;
  const sizeMm = main.sizePt * MM_PER_PT;
  const emTopMm = baselineMm - sizeMm * emAscent(main.font);
  return {
    page,
    text: runs.map((run) => run.text).join(''),
    runs,
    startMm: runs[0].xMm,
    // The last glyph's box, not the widest: a closing mark set half-width inside the line keeps a whole em box, overlapping the next glyph's.
    endMm: runs.at(-1)!.endMm,
    baselineMm,
    sizePt: main.sizePt,
    emTopMm,
    emBottomMm: emTopMm + sizeMm,
    role: 'other',
  };
}

/**
 * The part of the em above the baseline. A layout engine centres the font's
 * ascent + descent on the line, so they are scaled to one em; fonts without
 * metrics (Type 3) get the usual CJK ideographic em box.
 */
function emAscent(font: PdfFont): number {
  if (font.ascent === undefined || font.descent === undefined) return CJK_EM_ASCENT;
  return font.ascent / (font.ascent - font.descent);
}

function roleOf(line: Line, bodySizePt: number, pages: PdfPage[]): Role {
  if (isPageNumberCandidate(line, pages) && isLowestLine(line, pages)) return 'pageNumber';
  return sameSize(line.sizePt, bodySizePt) ? 'body' : 'other';
}

/** A page number is digits with a little decoration ("— 3 —", "-3-", "3"), low on the page. */
function isPageNumberCandidate(line: Line, pages: PdfPage[]): boolean {
  const page = pages[line.page - 1];
  return PAGE_NUMBER_PATTERN.test(withoutSpaces(line.text)) && line.baselineMm > page.heightMm * PAGE_NUMBER_ZONE;
}

function isLowestLine(line: Line, pages: PdfPage[]): boolean {
  return pages[line.page - 1].runs.every((run) => run.baselineMm <= line.baselineMm + BASELINE_TOLERANCE_MM);
}

/**
 * The title: on page 1, before the body text begins (its first line that
 * spans the block, indented or not), the last run of consecutive lines set
 * alike and larger than the body. Larger lines above it, such as a 版头's
 * 发文机关标志, are not the title; nor is a right-aligned 发文字号 body text.
 */
function titleLines(lines: Line[], bodySizePt: number, edges: { leftMm: number; rightMm: number }): Line[] {
  const firstPage = lines.filter((line) => line.page === 1 && line.role !== 'pageNumber');
  const spansBlock = (line: Line) => line.startMm <= edges.leftMm + (INDENT_CHARS + 0.5) * CELL_MM && reachesRightEdge(line, edges.rightMm);
  const bodyStart = firstPage.findIndex((line) => line.role === 'body' && spansBlock(line));
  const beforeBody = bodyStart < 0 ? firstPage : firstPage.slice(0, bodyStart);
  const last = beforeBody.findLastIndex((line) => line.sizePt > bodySizePt + SIZE_TOLERANCE_PT);
  if (last < 0) return [];
  let first = last;
  while (first > 0 && sameSize(beforeBody[first - 1].sizePt, beforeBody[last].sizePt)) first--;
  return beforeBody.slice(first, last + 1);
}

/**
 * A full line reaches the right edge of the text block or passes it, as a
 * line with hanging punctuation does. A line its paragraph runs on from is
 * justified and should reach the edge: within half a character it counts,
 * so that one falling short is measured. A paragraph's last line is set as
 * long as its text: it is full only when it reaches the edge.
 */
export function isFullLine(line: Line, layout: Layout): boolean {
  return line.role === 'body' && reachesRightEdge(line, layout.bodyRightEdgeMm, line.runsOn ? CELL_MM / 2 : RIGHT_EDGE_TOLERANCE_MM);
}

function reachesRightEdge(line: Line, rightEdgeMm: number, shortByMm = CELL_MM / 2): boolean {
  return line.endMm >= rightEdgeMm - shortByMm;
}

/** Layout engines centre the em box on the line, so its middle sits on the grid whatever the font. */
export function emMiddle(line: Line): number {
  return (line.emTopMm + line.emBottomMm) / 2;
}

export function startsAtLeftEdge(line: Line, layout: Layout): boolean {
  return Math.abs(line.startMm - layout.bodyLeftEdgeMm) <= CELL_MM / 2;
}

export function linesOfPage(layout: Layout, page: number): Line[] {
  return layout.lines.filter((line) => line.page === page);
}

/** A line named for a reader: page, and the start and end of its text (where the rules bite). */
export function where(line: Line): string {
  const chars = [...line.text.trim()];
  return `p. ${line.page} “${chars.length > 14 ? `${chars.slice(0, 7).join('')}…${chars.slice(-6).join('')}` : chars.join('')}”`;
}

export function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SIZE_TOLERANCE_PT;
}

/** Characters that take a cell: ASCII spaces (pdfjs puts them between runs) do not; U+3000 does. */
export function charCount(item: { text: string }): number {
  return [...withoutSpaces(item.text)].length;
}

export function withoutSpaces(text: string): string {
  return text.replace(/[\t\n\r ]+/g, '');
}

/** The key shared by the largest weight of items; the first such item's key wins ties. */
export function mostCommon<T, K>(items: T[], keyOf: (item: T) => K, weightOf: (item: T) => number): K | undefined {
  const weights = new Map<K, number>();
  for (const item of items) weights.set(keyOf(item), (weights.get(keyOf(item)) ?? 0) + weightOf(item));
  let best: K | undefined;
  for (const [key, weight] of weights) if (best === undefined || weight > weights.get(best)!) best = key;
  return best;
}
