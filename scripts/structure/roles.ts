/**
 * remark plugin: gives every top-level block its role in the document.
 * Headings take the level of their numbering (一、 （一） 1. （1）) and are
 * part headings when unnumbered; the first short paragraph ending with a
 * colon before any heading is the salutation / 主送机关; the closing blocks
 * (附件说明, 署名, 成文日期, 附注) are recognised from the end of the main
 * text, before any attachment.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockRole } from '../ast/types.ts';
import { mainBlocks } from './attachments.ts';
import { numberingRole } from './numbering.ts';

/** 主送机关 lists can be long (every ministry and province); only the first paragraph is taken for one. */
const SALUTATION = /^[^。！？\n]{1,300}[：:]$/;
const ATTACHMENT_NOTE = /^附件[：:]/;
const DATE_LINE = /^(\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/;
const NOTE_LINE = /^[（(][^（）()]{2,30}[）)]$/;
/** A signature is a short line without sentence punctuation, right above the date. */
const SIGNATURE_LINE = /^[^，。；：！？、]{2,40}$/;

function setRole(node: RootContent, role: BlockRole): void {
  node.data = { ...node.data, role };
}

function markClosing(blocks: RootContent[]): void {
  const paragraphs = blocks.filter((n): n is Paragraph => n.type === 'paragraph');
  for (const p of paragraphs) if (ATTACHMENT_NOTE.test(toString(p))) setRole(p, 'attachment-note');
  // 成文日期 and 署名 stand at the end, possibly followed by a note such as （此件公开发布）.
  let end = blocks.length - 1;
  while (end >= 0 && blocks[end].type === 'paragraph' && NOTE_LINE.test(toString(blocks[end]))) setRole(blocks[end--], 'note');
  const last = blocks[end];
  if (last?.type === 'paragraph' && DATE_LINE.test(toString(last).trim())) {
    setRole(last, 'date');
    const before = blocks[end - 1];
    if (before?.type === 'paragraph' && SIGNATURE_LINE.test(toString(before).trim())) setRole(before, 'signature');
  }
}

export function markRoles(tree: Root): void {
  let first = true;
  for (const node of tree.children) {
    if (node.data?.role) continue;
    if (node.type === 'heading') {
      setRole(node, numberingRole(toString(node)) ?? 'part');
    } else if (node.type === 'paragraph') {
      setRole(node, first && SALUTATION.test(toString(node).trim()) ? 'salutation' : 'body');
    }
    first = false;
  }
  markClosing(mainBlocks(tree));
}
