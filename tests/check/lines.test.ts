/**
 * Roles from size and position alone, on pages built by hand: what the
 * fixtures printed by Chromium do not show (a 版头 above the title).
 */
import { describe, expect, test } from 'vitest';
import { checkRightEdge, checkTitleCentred } from '../../scripts/check/geometry.ts';
import { isFullLine, layoutOf } from '../../scripts/check/lines.ts';
import type { PdfFont, PdfPage, TextRun } from '../../scripts/check/read-pdf.ts';
import { CELL_MM, LINE_PITCH_MM, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';

const font: PdfFont = { id: 'f1', name: 'ABCDEF+FangSong', type: 'CIDFontType2', embedded: true, ascent: 0.88, descent: -0.12 };

function run(text: string, baselineMm: number, sizePt: number, xMm: number = TEXT_BLOCK.leftMm, endMm: number = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm): TextRun {
  return { text, xMm, endMm, baselineMm, sizePt, font, structure: [] };
}

const row = (index: number) => TEXT_BLOCK.topMm + 5 + index * LINE_PITCH_MM;
const fullLine = (index: number) => run('的'.repeat(28), row(index), 16);

function page(number: number, runs: TextRun[]): PdfPage {
  return { number, widthMm: 210, heightMm: 297, runs, shapes: [] };
}

describe('layoutOf', () => {
  const circular = page(1, [
    run('国务院办公厅文件', row(0), 55, 40, 170),
    run('国办发〔2004〕7号', row(2), 16, 130, 184),
    run('国务院办公厅关于某事的', row(4), 22, 40, 170),
    run('通报', row(5), 22, 95, 115),
    run('各省人民政府：', row(7), 16, 28, 80),
    ...[8, 9, 10, 11].map(fullLine),
    run('— 1 —', 269, 14, 160, 178.4),
  ]);

  test('the title is the last run of larger lines before the body, not the 发文机关标志 above it nor a right-aligned 发文字号', () => {
    const roles = layoutOf([circular]).lines.map((line) => [line.text, line.role]);
    expect(roles).toContainEqual(['国务院办公厅文件', 'other']);
    expect(roles.filter(([, role]) => role === 'title')).toEqual([['国务院办公厅关于某事的', 'title'], ['通报', 'title']]);
  });

  test('the lowest line of digits and dashes is the page number; the most common size is the body', () => {
    const layout = layoutOf([circular]);
    expect(layout.lines.filter((line) => line.role === 'pageNumber').map((line) => line.text)).toEqual(['— 1 —']);
    expect(layout.bodySizePt).toBe(16);
    expect(layout.bodyRightEdgeMm).toBeCloseTo(TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm, 0);
  });

  test('runs on one baseline make one line, left to right', () => {
    const split = page(1, [run('二', row(0), 16, 28 + CELL_MM, 184), run('一', row(0) + 0.1, 16, 28, 28 + CELL_MM)]);
    expect(layoutOf([split]).lines.map((line) => [line.text, line.startMm, line.endMm])).toEqual([['一二', 28, 184]]);
  });

  test('a line whose punctuation hangs past the right edge is still a full line; a short one is not', () => {
    const layout = layoutOf([page(1, [...[0, 1, 2].map(fullLine), run('的'.repeat(28) + '，', row(3), 16, 28, 189.7), run('的的的。', row(4), 16, 28, 50)])]);
    expect(layout.lines.map((line) => isFullLine(line, layout))).toEqual([true, true, true, true, false]);
  });

  test('a closing mark set half-width inside a line overlaps the next glyph: the line ends with its last glyph, not the mark\'s em box', () => {
    // From corpus 07: "…（累计DDD数）/" with "）" squeezed; the "/" is a run of its own (Latin face).
    const squeezedMark = [run('的'.repeat(26) + '数）', row(3), 16, 28 + 2 * CELL_MM, 185.42), run('/', row(3), 16, 182.55, 184.11)];
    const layout = layoutOf([page(1, [...[0, 1, 2].map(fullLine), ...squeezedMark, fullLine(4)])]);
    expect(layout.lines[3].endMm).toBeCloseTo(184.11, 2);
    expect(checkRightEdge(layout).status).toBe('pass');
  });

  test('a paragraph\'s last line is full only when it reaches the edge; a line its paragraph runs on from is full within half a character', () => {
    // From corpus 07: "5.四级手术…为准。" with half-width digits ends 1.4 mm short, and the next paragraph starts indented.
    const nearlyFull = run('5.' + '的'.repeat(25) + '。', row(1), 16, 28 + 2 * CELL_MM, 182.6);
    const nextStartMm = (indent: number) => 28 + indent * CELL_MM;
    const followedBy = (indent: number) => layoutOf([page(1, [fullLine(0), nearlyFull, run('的'.repeat(10), row(2), 16, nextStartMm(indent), nextStartMm(indent + 10))])]);
    const lastLine = followedBy(2);
    expect(isFullLine(lastLine.lines[1], lastLine)).toBe(false);
    expect(checkRightEdge(lastLine).status).toBe('pass');
    const runsOn = followedBy(0);
    expect(isFullLine(runsOn.lines[1], runsOn)).toBe(true);
    expect(checkRightEdge(runsOn).status).toBe('fail');
  });

  test('a centred title passes title-centred; one set flush left fails it', () => {
    const withTitle = (startMm: number) => layoutOf([page(1, [run('关于某事的通报', row(0), 22, startMm, startMm + 54), ...[2, 3].map(fullLine)])]);
    expect(checkTitleCentred(withTitle(79)).status).toBe('pass');
    expect(checkTitleCentred(withTitle(28)).status).toBe('fail');
  });
});
