/**
 * Blocks + front matter → the cleaned source: an mdast serialised by
 * remark-stringify (so a paragraph starting "1." is escaped, not a list).
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { FrontMatter } from '../ast/types.ts';
import { type Block, blockText } from './body.ts';

/** Front-matter keys in the order a reader expects them. */
const KEY_ORDER: Array<keyof FrontMatter> = [
  'title', 'occasion', 'speaker', 'date', 'publisher', 'published', 'author', 'issuer', 'documentNumber', 'source', 'template',
  'lang', 'description', 'keywords',
];

function orderedFrontMatter(meta: Partial<FrontMatter>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (meta[key] !== undefined && meta[key] !== '') ordered[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered;
}

function blockNode(block: Block): RootContent {
  const value = blockText(block);
  if (block.kind === 'heading') return { type: 'heading', depth: block.depth ?? 3, children: [{ type: 'text', value }] };
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

export function toMarkdown(meta: Partial<FrontMatter>, blocks: Block[]): string {
  const yaml = stringifyYaml(orderedFrontMatter(meta), { lineWidth: 0 }).trimEnd();
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: yaml }, ...blocks.map(blockNode)] };
  return unified().use(remarkStringify).use(remarkFrontmatter, ['yaml']).stringify(tree);
}
