/**
 * remark plugin: whole paragraphs quoted from another document, such as the
 * amended provisions of a 决定 (将第四十二条修改为：“……（一）……；（二）……。”).
 * A paragraph that opens with “ starts a quotation, which runs through the
 * paragraph where that quote closes; when the close ends the paragraph
 * (”, ”。, ”；) the paragraphs are a block quotation: one `blockquote` with
 * role `quotation`, its paragraphs body text. Their numberings and short
 * first sentences belong to the quoted document, so no later plugin makes
 * headings, run-in headings or lead sentences of them: those work on the
 * top-level blocks only. A heading inside becomes a paragraph, with a
 * message. A quotation that closes mid-paragraph is inline; one that never
 * closes is left as it is, with a message.
 */
import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

const OPENS = /^\s*“/;
/** What may follow the closing mark of a quotation that ends its paragraph. */
const ENDS_PARAGRAPH = /^[。；]?\s*$/;

type TextBlock = Paragraph | Heading;

/** Blocks a quotation can hold: paragraphs and headings no earlier plugin has given a role (title block, attachment label…). */
function isFreeText(block: RootContent): block is TextBlock {
  return (block.type === 'paragraph' || block.type === 'heading') && !block.data?.role;
}

/**
 * Where the quote opened at the start of block `start` closes: the block and
 * the text after its closing mark; undefined when it does not close before
 * the text ends.
 */
function closing(blocks: RootContent[], start: number): { index: number; after: string } | undefined {
  let open = 0;
  for (let index = start; index < blocks.length && isFreeText(blocks[index]); index++) {
    const text = toString(blocks[index]);
    for (let i = 0; i < text.length; i++) {
      open += text[i] === '“' ? 1 : text[i] === '”' ? -1 : 0;
      if (open === 0) return { index, after: text.slice(i + 1) };
    }
  }
  return undefined;
}

function asBodyParagraph(block: TextBlock, file: VFile): Paragraph {
  if (block.type === 'heading') {
    file.message('A heading inside a quotation is text of the quoted document: set as a paragraph', { place: block.position, ruleId: 'heading-in-quotation', source: 'parse' });
  }
  return { type: 'paragraph', children: block.children, position: block.position, data: { ...block.data, role: 'body' } };
}

export function markQuotations(tree: Root, file: VFile): void {
  const blocks = tree.children;
  for (let start = 0; start < blocks.length; start++) {
    const opening = blocks[start];
    if (opening.type !== 'paragraph' || !isFreeText(opening) || !OPENS.test(toString(opening))) continue;
    const close = closing(blocks, start);
    if (!close) {
      file.message('A quotation opens here and does not close: its paragraphs are read as the document’s own', { place: opening.position, ruleId: 'unclosed-quotation', source: 'parse' });
      continue;
    }
    const end = close.index;
    if (!ENDS_PARAGRAPH.test(close.after)) {
      start = end;
      continue;
    }
    const quoted = blocks.slice(start, end + 1) as TextBlock[];
    const [first, last] = [quoted[0].position, quoted.at(-1)!.position];
    const quotation: Blockquote = {
      type: 'blockquote',
      children: quoted.map((block) => asBodyParagraph(block, file)),
      ...(first && last ? { position: { start: first.start, end: last.end } } : {}),
      data: { role: 'quotation' },
    };
    blocks.splice(start, quoted.length, quotation);
  }
}
