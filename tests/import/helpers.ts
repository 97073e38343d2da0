/**
 * Reading an import's output back the way the next stage does (remark-parse
 * + front matter), and summarising its structure for the expectations in
 * shared/corpus/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../../scripts/ast/types.ts';
import { importDocument } from '../../scripts/import/index.ts';

/** shared/ lies beside the repository (CI lays a copy there too). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const SAMPLE_RAW = 'source/raw/wenzhou-npc-standing-committee-report-2024.txt';

export function importFile(path: string) {
  return importDocument(readFileSync(path), { path });
}

export function corpusPath(name: string): string {
  return join(CORPUS, name);
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'other';
  depth?: number;
  text: string;
}

function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

export function readMarkdown(markdown: string): { meta: FrontMatter; blocks: Block[] } {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  const yaml = tree.children.find((node) => node.type === 'yaml');
  const meta = (yaml && 'value' in yaml ? parseYaml(yaml.value) : {}) as FrontMatter;
  const blocks = tree.children
    .filter((node) => node.type !== 'yaml')
    .map((node): Block => {
      if (node.type === 'heading') return { kind: 'heading', depth: (node as Heading).depth, text: textOf(node) };
      if (node.type === 'paragraph') return { kind: 'paragraph', text: textOf(node as Paragraph) };
      return { kind: 'other', text: textOf(node) };
    });
  return { meta, blocks };
}

const LEVELS: Array<{ name: string; pattern: RegExp }> = [
  { name: '一、', pattern: /^[一二三四五六七八九十百]+、/ },
  { name: '（一）', pattern: /^（[一二三四五六七八九十百]+）/ },
  { name: '1.', pattern: /^\d+[.．]/ },
  { name: '（1）', pattern: /^（\d+）/ },
];

export interface Structure {
  salutation?: string;
  /** 一、 sections of the main text (headings or run-in paragraphs), outside quotations. */
  level1: number;
  /** Count of each numbering level that opens a block in the main text. */
  levels: Record<string, number>;
  /** Blocks of the main text with run-in 一是. */
  runIn: number;
  attachmentNote?: string;
  /** The paragraph that starts the attachments (附件 / 附件1), if any. */
  attachmentMarker?: string;
  /** Numbering levels found inside the attachments. */
  attachmentLevels: Record<string, number>;
  lastParagraphs: string[];
}

/** The main text ends at a paragraph that is only 附件 / 附件1; quotations do not count. */
export function structureOf(blocks: Block[]): Structure {
  const markerIndex = blocks.findIndex((block) => /^附件\s*\d*$/.test(block.text));
  const main = markerIndex < 0 ? blocks : blocks.slice(0, markerIndex);
  const annex = markerIndex < 0 ? [] : blocks.slice(markerIndex + 1);
  const count = (list: Block[]) => {
    const levels: Record<string, number> = {};
    let open = 0;
    for (const block of list) {
      if (open === 0) for (const level of LEVELS) if (level.pattern.test(block.text)) levels[level.name] = (levels[level.name] ?? 0) + 1;
      open = Math.max(0, open + (block.text.match(/“/g)?.length ?? 0) - (block.text.match(/”/g)?.length ?? 0));
    }
    return levels;
  };
  const levels = count(main);
  return {
    salutation: main[0] && /^[^。]{2,80}：$/.test(main[0].text) ? main[0].text : undefined,
    level1: levels['一、'] ?? 0,
    levels,
    runIn: main.filter((block) => /(?:^|。)一是/.test(block.text)).length,
    attachmentNote: main.find((block) => /^附件[:：]/.test(block.text))?.text,
    attachmentMarker: markerIndex < 0 ? undefined : blocks[markerIndex].text,
    attachmentLevels: count(annex),
    lastParagraphs: main.slice(-4).map((block) => block.text),
  };
}

/** Han characters only: what punctuation and whitespace rules never change. */
export function hanOf(text: string): string {
  return text.replace(/[^\p{Script=Han}]/gu, '');
}
