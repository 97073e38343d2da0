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
import { standardDate } from '../standard/gbt9704.ts';
import { isoDate } from './chinese.ts';

export function standardSigningDate(tree: Root, file: VFile): void {
  const date = tree.children.find((node): node is Paragraph => node.type === 'paragraph' && node.data?.role === 'date');
  if (!date) return;
  const written = toString(date).trim();
  const iso = isoDate(written);
  const standard = iso && standardDate(iso);
  if (!standard || standard === written) return;
  date.children = [{ type: 'text', value: standard, position: date.position }];
  file.info(`成文日期 “${written}” is set “${standard}”: Arabic numerals, no padding zeros (GB/T 9704-2012 7.3.5.1)`, {
    place: date.position,
    ruleId: 'signing-date',
    source: 'structure',
  });
}
