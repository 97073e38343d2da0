/**
 * 版记 (GB/T 9704-2012 7.4; 10.1 for letters), generated from the front
 * matter: 抄送 and 印发机关和印发日期 between full-width rules, on the last
 * page with the last rule on the text block's bottom edge. A letter's 版记
 * has only 抄送, without rules.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { FrontMatter } from '../ast/types.ts';
import { standardDate } from '../standard/gbt9704.ts';
import { asList, frameKind, type FrameKind } from './header.ts';

/** 7.4.2: "抄送：" then the names, the last followed by 。. */
export function copyToText(copyTo: FrontMatter['copyTo']): string | undefined {
  const names = asList(copyTo);
  if (names.length === 0) return undefined;
  const joined = names.join('，');
  return `抄送：${/[。．.]$/.test(joined) ? joined : `${joined}。`}`;
}

/** 7.4.3: the date in Arabic numerals without padding zeros, then 印发: 2019年1月30日印发. */
export function printedDateText(isoDate: string): string {
  return `${standardDate(isoDate)}印发`;
}

/**
 * The 版记 of a document or 纪要 is on an even page, the back of the last
 * sheet (7.4); a letter's may be on any page (10.1). The render stage reads
 * this from the element (`data-gw-record-page`) when it places the 版记.
 */
const recordPage = (kind: FrameKind) => (kind === 'letter' ? 'any' : 'even');

export function recordBlock(meta: FrontMatter, kind: FrameKind): Element | undefined {
  const copyTo = copyToText(meta.copyTo);
  const printed = kind === 'letter' ? [] : [
    ...(meta.printedBy ? [h('span', { className: ['gw-printed-by'] }, meta.printedBy)] : []),
    ...(meta.printedDate ? [h('span', { className: ['gw-printed-date'] }, printedDateText(meta.printedDate))] : []),
  ];
  if (!copyTo && printed.length === 0) return undefined;
  return h('footer', { className: ['gw-record'], dataGwRecordPage: recordPage(kind) }, [
    ...(copyTo ? [h('p', { className: ['gw-copy-to'] }, copyTo)] : []),
    ...(printed.length > 0 ? [h('p', { className: ['gw-printed'] }, printed)] : []),
  ]);
}

/** Whether the document ends with a 版记 page that must be even (document and minutes; a letter's 版记 need not be). */
export function recordOnEvenPage(meta: FrontMatter): boolean {
  const kind = frameKind(meta.template);
  return kind !== undefined && recordPage(kind) === 'even' && recordBlock(meta, kind) !== undefined;
}
