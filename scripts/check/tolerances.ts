/**
 * Figures the checker needs beyond the standard's own numbers
 * (scripts/standard/gbt9704.ts): measuring tolerances and recognisers.
 * Each says where it comes from.
 */

/** Glyph sizes: Chromium writes 16 pt as 15.9975 pt (px rounding); a quarter point still tells 三号 from 四号 or 小三 (15 pt). */
export const SIZE_TOLERANCE_PT = 0.25;

/** Runs whose baselines differ by less than this are one line (sub/superscripts aside, a line's runs share a baseline). */
export const BASELINE_TOLERANCE_MM = 0.5;

/** Target 3 of docs/gbt9704.md: full justified lines end at 184 mm ± 0.5. */
export const RIGHT_EDGE_TOLERANCE_MM = 0.5;

/** Closing marks, whose glyph sits in the left half of the em box (GB/T 15834): they may be set half-width. */
export const CLOSING_MARK = /[，。、；：？！”’）》」』】〕]/u;

/** Opening marks, whose glyph sits in the right half: none may end a line (GB/T 15834 §5.1). */
export const OPENING_MARK = /[“‘（《「『【〔]/u;

/** Ascent of the ideographic em box (0.88 em above, 0.12 em below the baseline) in CJK fonts, for fonts without metrics. */
export const CJK_EM_ASCENT = 0.88;

/** Digits with at most three marks either side: "— 3 —", "- 3 -", "3". Whitespace is removed first. */
export const PAGE_NUMBER_PATTERN = /^[^\p{L}\p{N}]{0,3}\p{N}{1,4}[^\p{L}\p{N}]{0,3}$/u;

/** Page numbers sit in the lowest quarter of the page (below the text block in a 公文). */
export const PAGE_NUMBER_ZONE = 0.75;

/**
 * Target 11 of docs/gbt9704.md: code points a text layer should not contain.
 * CFF fonts turned into Type 3 by Chromium map ideographs back to these.
 */
export const TEXT_LAYER_ANOMALIES: { name: string; from: number; to: number }[] = [
  { name: 'CJK radicals supplement', from: 0x2e80, to: 0x2eff },
  { name: 'Kangxi radical', from: 0x2f00, to: 0x2fdf },
  { name: 'CJK compatibility ideograph', from: 0xf900, to: 0xfaff },
  // Glyphs without a Unicode mapping come out as private-use or replacement characters.
  { name: 'private use: glyph without Unicode', from: 0xe000, to: 0xf8ff },
  { name: 'replacement character', from: 0xfffd, to: 0xfffd },
];

/** Heading markers of 7.3.3: "一、" (first level) and "（一）" (second level). */
export const HEADING_LEVEL_1 = /^[一二三四五六七八九十百]+、/;
export const HEADING_LEVEL_2 = /^（[一二三四五六七八九十百]+）/;

/** A subset font's name starts with six capitals and "+" (ISO 32000-1 9.6.4). */
export const SUBSET_TAG = /^[A-Z]{6}\+/;
