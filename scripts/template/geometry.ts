/**
 * The page geometry of GB/T 9704-2012 as CSS: @page size and margins, the
 * page numbers, and the lengths of the grid as custom properties. Generated
 * from scripts/standard/gbt9704.ts so no number of the standard is written
 * twice; the templates' CSS uses the custom properties.
 */
import { CELL_MM, GRID, LINE_PITCH_MM, MM_PER_PT, PAGE_NUMBER, PAPER, SIZE_PT, TEXT_BLOCK } from '../standard/gbt9704.ts';
import { SLOTS } from '../fonts/slots.ts';

const mm = (value: number) => `${value.toFixed(4)}mm`;
const pt = (value: number) => `${value.toFixed(4)}pt`;

/**
 * Chromium lays text out in 1/64 px units; a box exactly 22 lines high or 28
 * cells wide can lose the last line or character to rounding. The block is
 * made this much larger, far less than a line or a cell and inside the
 * standard's ± 1 mm.
 */
const ROUNDING_SLACK_MM = 0.3;
/** Tracking is made this much tighter than the exact cell for the same reason; justification takes it up. */
const TRACKING_SLACK_PT = 0.002;

export interface PageGeometry {
  /** Top page margin: the first line's em box starts at 37 mm, its half-leading above it. */
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  trackingPt: number;
  pageNumberPaddingTopMm: number;
  /** Distance from the page area's side to the page number: one 字 in from the block (7.5). */
  pageNumberInsetMm: { left: number; right: number };
}

export function pageGeometry(): PageGeometry {
  const bodyMm = SIZE_PT.body * MM_PER_PT;
  const halfLeadingMm = (LINE_PITCH_MM - bodyMm) / 2;
  const marginTopMm = TEXT_BLOCK.topMm - halfLeadingMm;
  const contentHeightMm = GRID.linesPerPage * LINE_PITCH_MM + ROUNDING_SLACK_MM;
  const marginBottomMm = PAPER.heightMm - marginTopMm - contentHeightMm;
  // 7.5: the page number's dashes 7 mm below the block's bottom edge; the dash is at the middle of its em box.
  const blockBottomMm = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
  const numberTopMm = blockBottomMm + PAGE_NUMBER.belowBlockMm - (SIZE_PT.pageNumber * MM_PER_PT) / 2;
  return {
    marginTopMm,
    marginBottomMm,
    marginLeftMm: TEXT_BLOCK.leftMm,
    // The page area is a little wider than the block (.gw-document sets the line width): content wider than
    // the page area, even by a rounding error, makes Chromium shrink the whole page to fit.
    marginRightMm: PAPER.widthMm - TEXT_BLOCK.leftMm - TEXT_BLOCK.widthMm - ROUNDING_SLACK_MM,
    trackingPt: CELL_MM / MM_PER_PT - SIZE_PT.body - TRACKING_SLACK_PT,
    pageNumberPaddingTopMm: numberTopMm - (PAPER.heightMm - marginBottomMm),
    pageNumberInsetMm: { left: PAGE_NUMBER.insetChars * CELL_MM, right: ROUNDING_SLACK_MM + PAGE_NUMBER.insetChars * CELL_MM },
  };
}

export function geometryCss(): string {
  const g = pageGeometry();
  const dash = PAGE_NUMBER.dash;
  const pageNumber = (side: 'left' | 'right') => `
  @bottom-${side} {
    content: "${dash} " counter(page) " ${dash}";
    font-family: ${SLOTS.song.cssFamily};
    font-size: ${pt(SIZE_PT.pageNumber)};
    line-height: ${pt(SIZE_PT.pageNumber)};
    vertical-align: top;
    text-align: ${side};
    padding-top: ${mm(g.pageNumberPaddingTopMm)};
    padding-${side}: ${mm(g.pageNumberInsetMm[side])};
    white-space: pre;
  }`;
  return `/* Generated from scripts/standard/gbt9704.ts: GB/T 9704-2012 5.1, 5.2, 7.5. */
@page {
  size: ${PAPER.widthMm}mm ${PAPER.heightMm}mm;
  margin: ${mm(g.marginTopMm)} ${mm(g.marginRightMm)} ${mm(g.marginBottomMm)} ${mm(g.marginLeftMm)};
}
/* 7.5: odd pages right, even pages left, one character in. */
@page :right {${pageNumber('right')}
}
@page :left {${pageNumber('left')}
}
/* GB/T 15834 §5.1: a mark bound to the character before it (scripts/template/line-breaking.ts). */
.gw-nobreak { white-space: nowrap; }
/* A closing mark set half-width (标点挤压) to keep a line full (scripts/render/squeeze-punctuation.browser.js). */
.gw-squeeze { letter-spacing: calc(var(--gw-tracking) - 0.5em); }
/* 5.2.1: the block is 156 mm wide, on screen as in print, so lines break where they will on paper. */
.gw-document { width: ${mm(TEXT_BLOCK.widthMm)}; }
.gw-measuring .gw-document * { text-align: left !important; }
:root {
  --gw-body-size: ${pt(SIZE_PT.body)};
  --gw-title-size: ${pt(SIZE_PT.title)};
  --gw-line: ${mm(LINE_PITCH_MM)};
  --gw-cell: ${mm(CELL_MM)};
  --gw-tracking: ${pt(g.trackingPt)};
}
`;
}
