/**
 * The numbering that opens a heading or an item of a 公文 (GB/T 9704-2012
 * 7.3.3: 一、 > （一） > 1. > （1））. The role of a block follows from its
 * numbering, not from the Markdown heading depth.
 */
import type { BlockRole } from '../ast/types.ts';

const CHINESE_NUMBER = '[一二三四五六七八九十百零〇]+';

const NUMBERING: Array<{ role: BlockRole; pattern: RegExp }> = [
  { role: 'level1', pattern: new RegExp(`^${CHINESE_NUMBER}、`) },
  { role: 'level2', pattern: new RegExp(`^[（(]${CHINESE_NUMBER}[）)]`) },
  { role: 'level3', pattern: /^\d+[.．、](?!\d)/ },
  { role: 'level4', pattern: /^[（(]\d+[）)]/ },
];

/** The heading level a text's numbering gives it, if any. */
export function numberingRole(text: string): BlockRole | undefined {
  return NUMBERING.find(({ pattern }) => pattern.test(text.trimStart()))?.role;
}
