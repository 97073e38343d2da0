/** Test input for the EPUB writer: the template stage's HTML contract, parsed as it would be. */
import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { RenderedDocument } from '../../../scripts/ast/types.ts';

export const SAMPLE_META: RenderedDocument['meta'] = {
  title: '温州市人民代表大会常务委员会工作报告',
  occasion: '——2024年1月30日在温州市第十四届人民代表大会第四次会议上',
  speaker: '温州市人大常委会主任　葛益平',
  date: '2024-01-30',
  publisher: '徐州市温州商会',
  description: '我受市十四届人大常委会的委托，向大会报告工作，请予审议，并请列席会议的同志提出意见。',
  lang: 'zh-CN',
};

export function parseContent(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

export function fixtureDocument(name = 'report', meta: Partial<RenderedDocument['meta']> = {}): RenderedDocument {
  const html = readFileSync(new URL(`../fixtures/${name}.html`, import.meta.url), 'utf8');
  return { name, meta: { ...SAMPLE_META, ...meta }, content: parseContent(html) };
}
