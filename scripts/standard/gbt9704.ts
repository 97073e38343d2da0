/**
 * The numbers of GB/T 9704-2012 《党政机关公文格式》, each with its clause,
 * and the figures derived from them, and the standard's way of writing a
 * date. Every stage that lays out or measures a page takes its numbers from here.
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
export const NO_LINE_START = '，。、；：？！”’）》〉」』】〕…%·—';
export const NO_LINE_END = '“‘（《〈「『【〔';

/*
 * 版头 and 版记 of the 公文 kinds (templates document, letter, minutes).
 * "行" below is LINE_PITCH_MM; "上边缘" is the top of the characters' em box.
 */

/** 7.2.1: 份号 has 6 digits (三号 Arabic numerals), top left of the block's first line. */
export const COPY_NUMBER_DIGITS = 6;

/**
 * 7.2.4: 发文机关标志 centred, red 小标宋; "上边缘至版心上边缘为35mm": its
 * top edge is 35 mm below the text block's top edge (72 mm from the paper's
 * top). 10.3: the 纪要标志 is placed the same way.
 */
export const ISSUER_MARK = { belowBlockTopMm: 35 } as const;

/** 7.2.5, 7.2.6: 发文字号 and 签发人 "编排在发文机关标志下空二行位置". */
export const UNDER_MARK_LINES = 2;
/** 7.2.6: 签发人 names, two to a line. */
export const SIGNERS_PER_LINE = 2;

/** 7.2.7: the red rule "发文字号之下4mm处", as wide as the block. 7.3.1: the title "红色分隔线下空二行". */
export const RED_RULE = { belowNumberMm: 4 } as const;
export const TITLE_BELOW_RULE_LINES = 2;

/** 7.4.1: 版记 rules as wide as the block: first and last 0.35 mm, those between 0.25 mm; the last on the block's bottom edge. */
export const RECORD_RULE_MM = { outer: 0.35, inner: 0.25 } as const;

/**
 * 10.1 信函格式: mark "上边缘至上页边为30mm"; a red double line (thick over
 * thin) 4 mm under it and one (thin over thick) 20 mm above the paper's
 * bottom edge, both 170 mm long and centred; 份号… and 发文字号 under the
 * first line, and the text over the second, 7/8 of a 三号 character away;
 * no page number on page 1.
 */
export const LETTER = {
  markTopMm: 30,
  ruleBelowMarkMm: 4,
  ruleAbovePaperBottomMm: 20,
  ruleLengthMm: 170,
  /** 7/8 of a 三号 (16 pt) character's height. */
  gapToRuleMm: (7 / 8) * 16 * MM_PER_PT,
} as const;

/**
 * 7.3.5.1 (成文日期), 7.4.3 (印发日期): a date in Arabic numerals, the year in
 * full, month and day without padding zeros: 2024-01-30 → 2024年1月30日. Text
 * that is not an ISO date is returned as it is.
 */
export function standardDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}
