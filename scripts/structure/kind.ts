/**
 * Which template a document gets when its front matter names none, from what
 * the parse found: a report has an occasion or speaker line; 纪要 and 函 say
 * so at the end of their title or in their attendance lines; a 公文 with an
 * issuer, a document number or a 署名 and 成文日期 is a document; anything
 * else is laid out as a report, the project's first kind.
 */
import type { Root } from 'mdast';
import type { FrontMatter } from '../ast/types.ts';

export function defaultTemplate(meta: FrontMatter, tree: Root): string {
  const has = (role: string) => tree.children.some((node) => node.data?.role === role);
  if (meta.occasion || meta.speaker) return 'report';
  if (/纪要$/.test(meta.title) || has('attendance')) return 'minutes';
  if (/函$/.test(meta.title)) return 'letter';
  if (meta.issuer || meta.documentNumber || has('date')) return 'document';
  return 'report';
}
