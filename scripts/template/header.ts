/**
 * 版头 (GB/T 9704-2012 7.2; 10.1 for letters, 10.3 for minutes), generated
 * from the front matter: 份号, 密级和保密期限, 紧急程度, the red 发文机关标志,
 * 发文字号 (with 签发人 for a 上行文) and the red rule or double lines.
 *
 * `headerBlock` makes the elements (the same for PDF and EPUB);
 * `headerLayout` computes where the standard puts them on page 1, in mm from
 * the paper's top edge; `headerCss` turns that layout into the print CSS of
 * this one document (the mark's size depends on its length).
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { FrontMatter } from '../ast/types.ts';
import {
  COPY_NUMBER_DIGITS, ISSUER_MARK, LETTER, LINE_PITCH_MM, MM_PER_PT, PAPER, RED_RULE, SIGNERS_PER_LINE,
  SIZE_PT, TEXT_BLOCK, TITLE_BELOW_RULE_LINES, UNDER_MARK_LINES,
} from '../standard/gbt9704.ts';
import { pageGeometry } from './geometry.ts';

/** The 公文 kinds that have a 版头 and a 版记: the templates of the same names. */
export type FrameKind = 'document' | 'letter' | 'minutes';
const FRAME_KINDS: readonly string[] = ['document', 'letter', 'minutes'] satisfies FrameKind[];

export function frameKind(template: string | undefined): FrameKind | undefined {
  return template && FRAME_KINDS.includes(template) ? (template as FrameKind) : undefined;
}

/*
 * Sizes the standard leaves to the designer ("以醒目、美观、庄重为原则").
 * The mark is as large as MARK_MAX_MM a character, smaller when it would
 * not fit the block's width.
 */
const MARK_MAX_MM = 20;
const RED_RULE_THICKNESS_MM = 0.5;
/** Letter double lines: thick and thin line and the gap between them. */
const DOUBLE_RULE_MM = { thick: 0.8, thin: 0.3, gap: 0.6 } as const;

/** 发文机关标志: the front matter's, else the kind's usual form built from the issuer. */
export function issuerMarkText(meta: FrontMatter, kind: FrameKind): string | undefined {
  if (meta.issuerMark) return meta.issuerMark;
  if (!meta.issuer) return undefined;
  return { document: `${meta.issuer}文件`, letter: meta.issuer, minutes: `${meta.issuer}纪要` }[kind];
}

export function asList(names: string | string[] | undefined): string[] {
  return names === undefined ? [] : [names].flat().map((name) => name.trim()).filter(Boolean);
}

/** 7.2.1: 份号 with 6 digits; a number given shorter is padded with zeros. */
export function copyNumberText(copyNumber: string): string {
  return /^\d+$/.test(copyNumber) ? copyNumber.padStart(COPY_NUMBER_DIGITS, '0') : copyNumber;
}

/** 份号, 密级和保密期限, 紧急程度: top down in this order, those given (7.2.3), as [role, text]. */
function topLeftTexts(meta: FrontMatter): Array<[string, string]> {
  const lines: Array<[string, string | undefined]> = [
    ['copy-number', meta.copyNumber && copyNumberText(meta.copyNumber)],
    ['secrecy', meta.secrecy],
    ['urgency', meta.urgency],
  ];
  return lines.filter((line): line is [string, string] => Boolean(line[1]));
}

function topLeftLines(meta: FrontMatter): Element[] {
  return topLeftTexts(meta).map(([role, text]) => h('p', { className: [`gw-${role}`] }, text));
}

/** 签发人 are named on a 上行文 of the document kind only (7.2.6). */
function signersOf(meta: FrontMatter, kind: FrameKind): string[] {
  return kind === 'document' ? asList(meta.signer) : [];
}

/** 7.2.6: "签发人：" in 仿宋, then the names in 楷体, two to a line (the template's grid has the two columns). */
function signerBlock(signers: string[]): Element {
  return h('p', { className: ['gw-signer'] }, [
    h('span', { className: ['gw-signer-label'] }, '签发人：'),
    ...signers.map((name) => h('span', { className: ['gw-signer-name'] }, name)),
  ]);
}

export function headerBlock(meta: FrontMatter, kind: FrameKind): Element | undefined {
  const mark = issuerMarkText(meta, kind);
  if (!mark) return undefined;
  const signers = signersOf(meta, kind);
  const numberLine = meta.documentNumber || signers.length > 0
    ? [h('div', { className: ['gw-number-line', ...(signers.length > 0 ? ['gw-upward'] : [])] }, [
        ...(meta.documentNumber ? [h('p', { className: ['gw-document-number'] }, meta.documentNumber)] : []),
        ...(signers.length > 0 ? [signerBlock(signers)] : []),
      ])]
    : [];
  const rule = h('div', { className: ['gw-red-rule'], role: 'presentation' });
  const parts = kind === 'letter'
    // 10.1: the double line comes right under the mark; 份号… and 发文字号 under it.
    ? [h('p', { className: ['gw-issuer-mark'] }, mark), rule, h('div', { className: ['gw-letter-lines'] }, [...topLeftLines(meta), ...numberLine])]
    : [...topLeftLines(meta), h('p', { className: ['gw-issuer-mark'] }, mark), ...numberLine, rule];
  return h('header', { className: ['gw-header'] }, parts);
}

/** Where the header's parts go on page 1, in mm from the paper's top edge (em box tops unless said). */
export interface HeaderLayout {
  /** Top of page 1's content area: the header box starts here. */
  contentTopMm: number;
  markTopMm: number;
  markSizeMm: number;
  /** First line of 发文字号 / 签发人 (document, minutes) or of the lines under the double line (letter). */
  numberTopMm: number;
  ruleTopMm: number;
  ruleThicknessMm: number;
  /** Where the title's line box starts: the header box ends here. */
  titleLineTopMm: number;
}

const BODY_MM = SIZE_PT.body * MM_PER_PT;
const HALF_LEADING_MM = (LINE_PITCH_MM - BODY_MM) / 2;

export function markSizeMm(mark: string): number {
  return Math.min(MARK_MAX_MM, TEXT_BLOCK.widthMm / [...mark].length);
}

export function headerLayout(meta: FrontMatter, kind: FrameKind): HeaderLayout | undefined {
  const mark = issuerMarkText(meta, kind);
  if (!mark) return undefined;
  return kind === 'letter' ? letterLayout(meta, markSizeMm(mark)) : documentLayout(meta, kind, markSizeMm(mark));
}

/**
 * 7.2.4–7.2.7 and 7.3.1: mark 35 mm under the block's top; 发文字号 two lines
 * under it; the rule 4 mm under 发文字号 (its last line, level with the last
 * 签发人) or under the mark when there is none; the title two lines under the
 * rule, on the next line of the page grid.
 */
function documentLayout(meta: FrontMatter, kind: FrameKind, markSize: number): HeaderLayout {
  const contentTop = pageGeometry().marginTopMm;
  const markTop = TEXT_BLOCK.topMm + ISSUER_MARK.belowBlockTopMm;
  const numberTop = markTop + markSize + UNDER_MARK_LINES * LINE_PITCH_MM;
  const signers = signersOf(meta, kind);
  const numberLines = Math.max(1, Math.ceil(signers.length / SIGNERS_PER_LINE));
  const aboveRule = meta.documentNumber || signers.length > 0 ? numberTop + (numberLines - 1) * LINE_PITCH_MM + BODY_MM : markTop + markSize;
  const ruleTop = aboveRule + RED_RULE.belowNumberMm;
  const titleEarliest = ruleTop + RED_RULE_THICKNESS_MM + TITLE_BELOW_RULE_LINES * LINE_PITCH_MM;
  const gridLines = Math.ceil((titleEarliest - contentTop) / LINE_PITCH_MM - 1e-9);
  return {
    contentTopMm: contentTop,
    markTopMm: markTop,
    markSizeMm: markSize,
    numberTopMm: numberTop,
    ruleTopMm: ruleTop,
    ruleThicknessMm: RED_RULE_THICKNESS_MM,
    titleLineTopMm: contentTop + gridLines * LINE_PITCH_MM,
  };
}

/**
 * 10.1: mark 30 mm from the paper's top; the double line 4 mm under it; 份号…
 * and 发文字号 under that, 7/8 of a character away; the title two lines under
 * the last of them ("与其上最后一个要素相距二行"), or under the double line.
 */
function letterLayout(meta: FrontMatter, markSize: number): HeaderLayout {
  const ruleTop = LETTER.markTopMm + markSize + LETTER.ruleBelowMarkMm;
  const ruleThickness = DOUBLE_RULE_MM.thick + DOUBLE_RULE_MM.gap + DOUBLE_RULE_MM.thin;
  const numberTop = ruleTop + ruleThickness + LETTER.gapToRuleMm;
  const lines = Math.max(topLeftTexts(meta).length, meta.documentNumber ? 1 : 0);
  const lastLineBottom = lines > 0 ? numberTop - HALF_LEADING_MM + lines * LINE_PITCH_MM : ruleTop + ruleThickness;
  return {
    contentTopMm: LETTER.markTopMm,
    markTopMm: LETTER.markTopMm,
    markSizeMm: markSize,
    numberTopMm: numberTop,
    ruleTopMm: ruleTop,
    ruleThicknessMm: ruleThickness,
    titleLineTopMm: lastLineBottom + TITLE_BELOW_RULE_LINES * LINE_PITCH_MM,
  };
}

const mm = (value: number) => `${value.toFixed(4)}mm`;

/** The print CSS that puts this document's header where headerLayout says (page 1 margins for a letter). */
export function headerCss(meta: FrontMatter, kind: FrameKind): string {
  const layout = headerLayout(meta, kind);
  if (!layout) return '';
  const at = (topMm: number) => mm(topMm - layout.contentTopMm);
  const css = [
    `/* Generated by scripts/template/header.ts: 版头 of this document (GB/T 9704-2012 ${kind === 'letter' ? '10.1' : '7.2'}). */`,
    `.gw-header { height: ${at(layout.titleLineTopMm)}; }`,
    `.gw-issuer-mark { top: ${at(layout.markTopMm)}; font-size: ${mm(layout.markSizeMm)}; line-height: ${mm(layout.markSizeMm)}; }`,
    `.gw-number-line, .gw-letter-lines { top: ${at(layout.numberTopMm - HALF_LEADING_MM)}; }`,
    `.gw-red-rule { top: ${at(layout.ruleTopMm)}; height: ${mm(layout.ruleThicknessMm)}; }`,
  ];
  if (kind === 'letter') css.push(letterFirstPageCss(layout));
  return `${css.join('\n')}\n`;
}

/**
 * 10.1: page 1 of a letter starts at the mark (30 mm from the top) and ends
 * 7/8 of a character above the lower double line, which sits 20 mm above
 * the paper's bottom edge; page 1 has no page number. Both double lines are
 * 170 mm long, wider than the block: drawn in page 1's margin boxes, where
 * they do not make Chromium shrink the page to fit them.
 */
function letterFirstPageCss(layout: HeaderLayout): string {
  const d = DOUBLE_RULE_MM;
  const thickness = d.thin + d.gap + d.thick;
  const lowerRuleTop = PAPER.heightMm - LETTER.ruleAbovePaperBottomMm - thickness;
  const contentBottom = lowerRuleTop - LETTER.gapToRuleMm + HALF_LEADING_MM;
  // The left margin boxes (free on page 1, a right page) start at the block's left edge; the lines are centred on the block.
  const lineLeft = TEXT_BLOCK.leftMm + (TEXT_BLOCK.widthMm - LETTER.ruleLengthMm) / 2;
  const doubleLine = (topMm: number, areaTopMm: number, areaBottomMm: number, upper: number, lower: number) => `
    content: "";
    width: ${mm(LETTER.ruleLengthMm)};
    height: ${mm(d.gap)};
    margin: ${mm(topMm - areaTopMm)} 0 ${mm(areaBottomMm - topMm - thickness)} ${mm(lineLeft - pageGeometry().marginLeftMm)};
    border-top: ${mm(upper)} solid var(--gw-red);
    border-bottom: ${mm(lower)} solid var(--gw-red);`;
  return `@page :first {
  margin-top: ${mm(layout.contentTopMm)};
  margin-bottom: ${mm(PAPER.heightMm - contentBottom)};
  @bottom-right { content: none; }
  @top-left {${doubleLine(layout.ruleTopMm, 0, layout.contentTopMm, d.thick, d.thin)}
  }
  @bottom-left {${doubleLine(lowerRuleTop, contentBottom, PAPER.heightMm, d.thin, d.thick)}
  }
}`;
}
