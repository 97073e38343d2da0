/**
 * remark plugin: a body paragraph that opens with a numbering and a short
 * first sentence, with more text after it ("一、牢固树立“安全第一”思想。煤矿安全
 * 生产…", "（一）医疗质量。提供…"), carries a run-in heading: the numbering and
 * that sentence take the level's role, so they are set in the level's face
 * (GB/T 9704-2012 7.3.3: "一、" 黑体, "（一）" 楷体). A numbered paragraph that
 * is one sentence is an item, not a heading, and stays as it is. Runs after
 * the lead sentences, whose span it takes over when it is numbered.
 */
import type { Paragraph, Root, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { numberingRole } from './numbering.ts';

const FIRST_SENTENCE = /^([^。！？\n]{2,40}[。！？])(?=\S)/;

function markRunIn(paragraph: Paragraph): void {
  const [first] = paragraph.children;
  const role = numberingRole(toString(paragraph));
  if (!role || !first) return;
  if (first.type === 'strong' && first.data?.role === 'lead') {
    first.data = { ...first.data, role };
    return;
  }
  if (first.type !== 'text') return;
  const match = FIRST_SENTENCE.exec(first.value);
  if (!match) return;
  const heading: Strong = { type: 'strong', children: [{ type: 'text', value: match[1] }], data: { role } };
  first.value = first.value.slice(match[1].length);
  paragraph.children.unshift(heading);
}

export function markRunInHeadings(tree: Root): void {
  for (const node of tree.children) {
    if (node.type === 'paragraph' && node.data?.role === 'body') markRunIn(node);
  }
}
