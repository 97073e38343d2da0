/**
 * The numbers of GB/T 9704-2012 《党政机关公文格式》, each with its clause,
 * and the figures derived from them. Every stage that lays out or measures a
 * page takes its numbers from here.
 */

export const MM_PER_PT = 25.4 / 72;
export const PT_PER_MM = 72 / 25.4;

/** 5.1: A4 paper. */
export const PAPER = { widthMm: 210, heightMm: 297, toleranceMm: 0.5 } as const;

/** 5.2.1: 天头 37 mm ± 1, 订口 28 mm ± 1, 版心 156 mm × 225 mm. */
export const TEXT_BLOCK = {
  topMm: 37,
  leftMm: 28,
  widthMm: 156,
  heightMm: 225,
  toleranceMm: 1,
} as const;

/** 5.2.3: 22 lines a page, 28 characters a line. */
export const GRID = { linesPerPage: 22, charsPerLine: 28 } as const;

/** 3.1, 3.2 and 7.x: font sizes in points (二号 22 pt, 三号 16 pt, 四号 14 pt). */
export const SIZE_PT = {
  /** 7.3.1: 标题 二号小标宋. */
  title: 22,
  /** 5.2.2: 三号仿宋 unless stated. */
  body: 16,
  /** 7.5: 页码 四号半角宋体. */
  pageNumber: 14,
  /** 7.4: 版记 四号仿宋. */
  recordBlock: 14,
} as const;

/** 3.1: one 字 is the width of a character cell: 156 mm / 28. */
export const CELL_MM = TEXT_BLOCK.widthMm / GRID.charsPerLine;

/**
 * 3.2: one 行 is a character's height plus 7/8 of it. With the grid filling
 * the block, 21 pitches plus one 16 pt glyph make 225 mm.
 */
export const LINE_PITCH_MM = (TEXT_BLOCK.heightMm - SIZE_PT.body * MM_PER_PT) / (GRID.linesPerPage - 1);

/** 7.3.3: paragraphs are indented 2 characters. */
export const INDENT_CHARS = 2;

/** 7.5: the page number's dashes sit 7 mm below the text block; one 字 in from the edge of the block. */
export const PAGE_NUMBER = {
  belowBlockMm: 7,
  insetChars: 1,
  /** "— N —" with U+2014 一字线 on each side. */
  dash: '\u2014',
} as const;

/** 5.2.4 and 7.2.4: red of the 发文机关标志 and the red rule. */
export const OFFICIAL_RED = '#E60012';

/** GB/T 15834 §5.1 (and W3C clreq): characters that never start or end a line. */
export const NO_LINE_START = '，。、；：？！”’）》」』】〕…%·—';
export const NO_LINE_END = '“‘（《「『【〔';
