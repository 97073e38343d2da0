/**
 * remark plugin: marks the lead sentence that opens a paragraph
 * ("切实加强理论武装。严格落实…") as a `strong` node with role `lead`, so the
 * template sets it apart (楷体 or bold 仿宋). A lead sentence is short, has no
 * comma or other pause inside, ends with 。！？, and more text follows it.
 * A paragraph that already opens with **strong** text keeps it as its lead.
 * "一是…二是…" enumerations have pauses inside, so they stay run-in text.
 */
import type { Paragraph, Root, Strong } from 'mdast';

const LEAD = /^([^，。；：！？、,;:\n]{2,30}[。！？])(?=\S)/;

function markLead(paragraph: Paragraph): void {
  const [first] = paragraph.children;
  if (first?.type === 'strong') {
    first.data = { ...first.data, role: 'lead' };
    return;
  }
  if (first?.type !== 'text') return;
  const match = LEAD.exec(first.value);
  if (!match) return;
  const lead: Strong = { type: 'strong', children: [{ type: 'text', value: match[1] }], data: { role: 'lead' } };
  first.value = first.value.slice(match[1].length);
  paragraph.children.unshift(lead);
}

export function markLeadSentences(tree: Root): void {
  for (const node of tree.children) {
    if (node.type === 'paragraph' && node.data?.role === 'body') markLead(node);
  }
}
