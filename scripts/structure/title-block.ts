/**
 * remark plugin: puts the title block (标题, occasion line, speaker line) from
 * the front matter at the top of the tree, so every writer sees one tree.
 * The nodes carry the front matter's position: messages about them point at
 * the YAML, where the user edits them.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import type { Position } from 'unist';
import type { BlockRole, FrontMatter } from '../ast/types.ts';

function block(role: BlockRole, text: string, position?: Position): Heading | Paragraph {
  const children = [{ type: 'text' as const, value: text }];
  const data = { role };
  return role === 'title' ? { type: 'heading', depth: 1, children, data, position } : { type: 'paragraph', children, data, position };
}

export function insertTitleBlock(tree: Root, meta: FrontMatter, position?: Position): void {
  const lines: Array<[BlockRole, string | undefined]> = [
    ['title', meta.title],
    ['occasion', meta.occasion],
    ['speaker', meta.speaker],
  ];
  const nodes = lines.filter((l): l is [BlockRole, string] => Boolean(l[1])).map(([role, text]) => block(role, text, position));
  tree.children.unshift(...nodes);
}
