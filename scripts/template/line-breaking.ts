/**
 * Line-breaking rules Chromium does not keep by itself (GB/T 15834 §5.1,
 * W3C clreq): it may start a line with "·" or with a single "—" (the pair
 * "——" and "……" and digit runs it already keeps together). Each such mark is
 * bound to the character before it in a `gw-nobreak` span. Titles break only
 * between words (GB/T 9704 7.3.1): word boundaries from ICU's Chinese
 * dictionary become <wbr>, and the title CSS forbids breaks elsewhere.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** A character followed by a mark that must not start a line: "·", or "—" not part of "——". */
const BOUND_TO_PREVIOUS = /[^\s](?:·|(?<!—)—(?!—))/gu;

function bindMarks(text: Text): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of text.value.matchAll(BOUND_TO_PREVIOUS)) {
    if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['gw-nobreak'] }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
  return parts;
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });

function breakBetweenWords(text: Text): ElementContent[] {
  const parts: ElementContent[] = [];
  for (const { segment, index } of words.segment(text.value)) {
    if (index > 0) parts.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
    parts.push({ type: 'text', value: segment });
  }
  return parts;
}

const isTitle = (node: Element | Root) => node.type === 'element' && ((node.properties.className as string[] | undefined)?.includes('gw-title') ?? false);

export function applyLineBreakingRules(content: Root): void {
  visit(content, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    const parts = isTitle(parent) ? breakBetweenWords(node) : bindMarks(node);
    parent.children.splice(index, 1, ...(parts as typeof parent.children));
    // The new nodes are final: do not visit them again.
    return [SKIP, index + parts.length];
  });
}
