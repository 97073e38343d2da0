/**
 * The 成文日期 in the form GB/T 9704-2012 7.3.5.1 asks for: Arabic numerals,
 * the year in full, month and day without padding zeros (2004年1月16日).
 * Older 公文 (GB/T 9704-1999) wrote it in Chinese numerals
 * (二〇〇四年一月十六日), and web copies pad (2019年01月16日); the layout
 * sets the standard's form and says so, the source stays as it is.
 */
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { isoDate } from './chinese.ts';

/** 2004-01-16 → 2004年1月16日. */
export function standardDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function standardSigningDate(tree: Root, file: VFile): void {
  const date = tree.children.find((node): node is Paragraph => node.type === 'paragraph' && node.data?.role === 'date');
  if (!date) return;
  const written = toString(date).trim();
  const iso = isoDate(written);
  if (!iso || standardDate(iso) === written) return;
  const standard = standardDate(iso);
  date.children = [{ type: 'text', value: standard, position: date.position }];
  file.info(`成文日期 “${written}” is set “${standard}”: Arabic numerals, no padding zeros (GB/T 9704-2012 7.3.5.1)`, {
    place: date.position,
    ruleId: 'signing-date',
    source: 'structure',
  });
}
