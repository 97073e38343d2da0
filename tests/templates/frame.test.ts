/**
 * The 版头 and 版记 the template stage makes from the front matter: their
 * elements and texts, where the layout puts them on page 1 (GB/T 9704-2012
 * 7.2, 10.1), the 署名 and 成文日期 held together, and the kinds' templates.
 */
import type { Element, Root } from 'hast';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../scripts/ast/types.ts';
import { parseDocument } from '../../scripts/parse/index.ts';
import { LETTER, LINE_PITCH_MM, MM_PER_PT, SIZE_PT, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { pageGeometry } from '../../scripts/template/geometry.ts';
import { headerBlock, headerCss, headerLayout, issuerMarkText } from '../../scripts/template/header.ts';
import { loadTemplate, renderContent } from '../../scripts/template/index.ts';
import { recordBlock, recordOnEvenPage } from '../../scripts/template/record.ts';
import { slotRules } from '../../scripts/template/slot-text.ts';

const META: FrontMatter = { title: '示例市人民政府关于做好春季防汛工作的通知', issuer: '示例市人民政府', documentNumber: '示政发〔2025〕3号' };
const classes = (element: Element) => (element.properties.className as string[]).join(' ');
const texts = (root: Element, selector: string) => selectAll(selector, root).map((e) => toText(e));
const asRoot = (element: Element): Root => ({ type: 'root', children: [element] });

describe('版头 from the front matter', () => {
  it('makes the mark from the issuer the way each kind writes it, or takes the given one', () => {
    expect(issuerMarkText(META, 'document')).toBe('示例市人民政府文件');
    expect(issuerMarkText(META, 'letter')).toBe('示例市人民政府');
    expect(issuerMarkText({ ...META, issuerMark: '示例市人民政府常务会议纪要' }, 'minutes')).toBe('示例市人民政府常务会议纪要');
    expect(headerBlock({ title: '无发文机关' }, 'document')).toBeUndefined();
  });

  it('puts 份号 (6 digits), 密级 and 紧急程度 first, in this order, then the mark, 发文字号 and the red rule', () => {
    const header = headerBlock({ ...META, urgency: '特急', copyNumber: '12', secrecy: '机密★1年' }, 'document')!;
    expect((header.children as Element[]).map(classes)).toEqual(['gw-copy-number', 'gw-secrecy', 'gw-urgency', 'gw-issuer-mark', 'gw-number-line', 'gw-red-rule']);
    expect(texts(header, 'p')).toEqual(['000012', '机密★1年', '特急', '示例市人民政府文件', '示政发〔2025〕3号']);
  });

  it('sets a 上行文: 发文字号 on the left, 签发人 on the right with the names apart', () => {
    const header = headerBlock({ ...META, signer: ['张三', '李四', '王五'] }, 'document')!;
    expect(select('.gw-number-line', asRoot(header))?.properties.className).toContain('gw-upward');
    expect(texts(header, '.gw-signer-label')).toEqual(['签发人：']);
    expect(texts(header, '.gw-signer-name')).toEqual(['张三', '李四', '王五']);
  });

  it('puts the letter’s 发文字号 under its double line', () => {
    const header = headerBlock({ ...META, copyNumber: '3' }, 'letter')!;
    expect((header.children as Element[]).map(classes)).toEqual(['gw-issuer-mark', 'gw-red-rule', 'gw-letter-lines']);
    expect(texts(header, '.gw-letter-lines p')).toEqual(['000003', '示政发〔2025〕3号']);
  });
});

describe('where the 版头 goes on page 1', () => {
  const body = SIZE_PT.body * MM_PER_PT;

  it('puts the mark’s top 35 mm under the block’s top, 发文字号 two lines under it, the rule 4 mm under that (7.2.4–7.2.7)', () => {
    const layout = headerLayout(META, 'document')!;
    expect(layout.markTopMm).toBe(TEXT_BLOCK.topMm + 35);
    expect(layout.markSizeMm * [...'示例市人民政府文件'].length).toBeLessThanOrEqual(TEXT_BLOCK.widthMm);
    expect(layout.numberTopMm).toBeCloseTo(layout.markTopMm + layout.markSizeMm + 2 * LINE_PITCH_MM, 6);
    expect(layout.ruleTopMm).toBeCloseTo(layout.numberTopMm + body + 4, 6);
  });

  it('starts the title at least two lines under the rule, on a line of the page grid (7.3.1)', () => {
    const layout = headerLayout(META, 'document')!;
    const { marginTopMm } = pageGeometry();
    expect(layout.titleLineTopMm - (layout.ruleTopMm + layout.ruleThicknessMm)).toBeGreaterThanOrEqual(2 * LINE_PITCH_MM);
    const lines = (layout.titleLineTopMm - marginTopMm) / LINE_PITCH_MM;
    expect(lines).toBeCloseTo(Math.round(lines), 6);
  });

  it('shrinks a long mark to the block’s width', () => {
    const mark = '示例省示例市示例区人民政府办公室文件';
    const long = headerLayout({ title: 't', issuerMark: mark }, 'document')!;
    expect(long.markSizeMm * [...mark].length).toBeCloseTo(TEXT_BLOCK.widthMm, 6);
  });

  it('moves 发文字号 down a line for each further pair of 签发人', () => {
    const one = headerLayout({ ...META, signer: ['张三', '李四'] }, 'document')!;
    const two = headerLayout({ ...META, signer: ['张三', '李四', '王五'] }, 'document')!;
    expect(two.ruleTopMm - one.ruleTopMm).toBeCloseTo(LINE_PITCH_MM, 6);
  });

  it('puts a letter’s mark 30 mm from the paper’s top and 发文字号 7/8 of a character under the double line (10.1)', () => {
    const layout = headerLayout(META, 'letter')!;
    expect(layout.markTopMm).toBe(LETTER.markTopMm);
    expect(layout.ruleTopMm).toBeCloseTo(LETTER.markTopMm + layout.markSizeMm + 4, 6);
    expect(layout.numberTopMm).toBeCloseTo(layout.ruleTopMm + layout.ruleThicknessMm + (7 / 8) * body, 6);
    const css = headerCss(META, 'letter');
    expect(css).toMatch(/@page :first \{[\s\S]*@bottom-right \{ content: none; \}[\s\S]*@top-left[\s\S]*@bottom-left/);
  });
});

describe('版记 from the front matter', () => {
  it('writes 抄送 ending with 。 and 印发机关 with the date without padding zeros (7.4.2, 7.4.3)', () => {
    const record = recordBlock({ ...META, copyTo: ['市委办公室', '市人大常委会办公室'], printedBy: '示例市人民政府办公室', printedDate: '2025-03-02' }, 'document')!;
    expect(texts(record, 'p')).toEqual(['抄送：市委办公室，市人大常委会办公室。', '示例市人民政府办公室2025年3月2日印发']);
    expect(texts(record, '.gw-printed span')).toEqual(['示例市人民政府办公室', '2025年3月2日印发']);
  });

  it('keeps only 抄送 in a letter, and makes no 版记 without its fields', () => {
    const letter = recordBlock({ ...META, copyTo: '市委办公室。', printedBy: '示例市人民政府办公室', printedDate: '2025-03-02' }, 'letter')!;
    expect(texts(letter, 'p')).toEqual(['抄送：市委办公室。']);
    expect(recordBlock(META, 'document')).toBeUndefined();
  });

  it('asks for an even 版记 page in a document, not in a letter or a report', () => {
    const printed = { printedBy: '示例市人民政府办公室', printedDate: '2025-03-02' };
    expect(recordOnEvenPage({ ...META, ...printed, template: 'document' })).toBe(true);
    expect(recordOnEvenPage({ ...META, ...printed, template: 'letter' })).toBe(false);
    expect(recordOnEvenPage({ ...META, ...printed, template: 'report' })).toBe(false);
  });

  it('tells the render stage which page the 版记 needs: even in a document or 纪要, any in a letter (7.4, 10.1)', () => {
    const meta = { ...META, copyTo: '市委办公室' };
    expect(recordBlock(meta, 'document')!.properties.dataGwRecordPage).toBe('even');
    expect(recordBlock(meta, 'minutes')!.properties.dataGwRecordPage).toBe('even');
    expect(recordBlock(meta, 'letter')!.properties.dataGwRecordPage).toBe('any');
  });
});

describe('the rendered document of a kind', () => {
  const source = `---
title: 示例市人民政府关于做好春季防汛工作的通知
issuer: 示例市人民政府
documentNumber: 示政发〔2025〕3号
printedBy: 示例市人民政府办公室
printedDate: 2025-03-02
---

各区人民政府：

正文。

示例市人民政府

2025年3月1日
`;

  it('opens with the 版头, closes with the 版记, and holds 署名 and 成文日期 together', () => {
    const content = renderContent(parseDocument(new VFile({ path: 'n.md', value: source })), 'n').content;
    const blocks = content.children.filter((n): n is Element => n.type === 'element').map(classes);
    expect(blocks).toEqual(['gw-header', 'gw-title', 'gw-salutation', 'gw-body', 'gw-closing', 'gw-record']);
    expect(texts(select('.gw-closing', content)!, 'p')).toEqual(['示例市人民政府', '2025年3月1日']);
  });

  it('loads each kind’s template with the shared rules inlined, and sets the mark in the title face', () => {
    for (const name of ['document', 'letter', 'minutes']) {
      const template = loadTemplate(name);
      expect(template.printCss).not.toMatch(/@import/);
      expect(slotRules(template.printCss)).toContainEqual({ selector: '.gw-document .gw-header .gw-issuer-mark', slot: 'title' });
    }
    expect(slotRules(loadTemplate('minutes').printCss)).toContainEqual({ selector: '.gw-attendance-label', slot: 'heading' });
  });
});
