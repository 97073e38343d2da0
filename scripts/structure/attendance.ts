/**
 * remark plugin: the 出席 / 请假 / 列席 lines of 纪要 (GB/T 9704-2012 10.3),
 * each a paragraph that opens with the word and a full-width colon. The
 * word becomes a span so the template can set it in 黑体 and hang the names.
 */
import type { Paragraph, Root } from 'mdast';

const ATTENDANCE = /^(出席|请假|列席)[：:]/;

function markLine(paragraph: Paragraph): void {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return;
  const match = ATTENDANCE.exec(first.value);
  if (!match) return;
  paragraph.data = { ...paragraph.data, role: 'attendance' };
  first.value = first.value.slice(match[0].length);
  paragraph.children.unshift({ type: 'emphasis', children: [{ type: 'text', value: `${match[1]}：` }], data: { role: 'attendance-label' } });
}

export function markAttendance(tree: Root): void {
  for (const node of tree.children) if (node.type === 'paragraph') markLine(node);
}
