/**
 * remark plugin: finds the attachments that follow the main text (GB/T
 * 9704-2012 7.3.7). A paragraph that is only "附件" or "附件N" opens one, on
 * a new page; the block after it is the attachment's own title. Everything
 * from the first attachment on is attachment content: the closing blocks
 * (署名, 成文日期, 附注) are looked for before it.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** 附件, 附件1, 附件一 (GB/T 9704 7.3.7 writes Arabic numerals; web copies use both). */
const ATTACHMENT_LABEL = /^附件\s*(?:\d+|[一二三四五六七八九十]+)?$/;

function isLabel(node: RootContent): boolean {
  return (node.type === 'paragraph' || node.type === 'heading') && ATTACHMENT_LABEL.test(toString(node).trim());
}

export function markAttachments(tree: Root): void {
  tree.children.forEach((node, index) => {
    if (!isLabel(node)) return;
    node.data = { ...node.data, role: 'attachment-label' };
    const title = tree.children[index + 1];
    if (title && (title.type === 'paragraph' || title.type === 'heading') && !isLabel(title)) {
      title.data = { ...title.data, role: 'attachment-title' };
    }
  });
}

/** The blocks of the main text: those before the first attachment. */
export function mainBlocks(tree: Root): RootContent[] {
  const first = tree.children.findIndex((node) => node.data?.role === 'attachment-label');
  return first < 0 ? tree.children : tree.children.slice(0, first);
}
