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
import { NO_LINE_END, NO_LINE_START } from '../standard/gbt9704.ts';

/** A character followed by a mark that must not start a line: "·", or "—" not part of "——". */
const BOUND_TO_PREVIOUS = /[^\s](?:·|(?<!—)—(?!—))/gu;

/**
 * Between a Chinese character and an opening quote, or a closing quote and a
 * Chinese character, a line may break (GB/T 15834); Unicode's line breaking
 * treats “” as ambiguous quotes and keeps them glued to both neighbours, which
 * carries "革“1512+X”体" whole to the next line. A <wbr> there allows the break.
 */
const QUOTE_BREAK = /(?<=\p{Script=Han})(?=[“‘])|(?<=[”’])(?=\p{Script=Han})/u;

function bindMarks(text: Text): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of text.value.matchAll(BOUND_TO_PREVIOUS)) {
    if (match.index > last) parts.push(...breakAtQuotes(text.value.slice(last, match.index)));
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['gw-nobreak'] }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < text.value.length) parts.push(...breakAtQuotes(text.value.slice(last)));
  return parts;
}

function breakAtQuotes(value: string): ElementContent[] {
  return value.split(QUOTE_BREAK).flatMap((piece, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'element' as const, tagName: 'wbr', properties: {}, children: [] }] : []),
    { type: 'text', value: piece },
  ]);
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Marks that may not start a line (after a break) or end one (before a break): GB/T 15834 §5.1. */
const NO_START = new RegExp(`^[${NO_LINE_START}]`, 'u');
const NO_END = new RegExp(`[${NO_LINE_END}]$`, 'u');

function breakBetweenWords(text: Text): ElementContent[] {
  const parts: ElementContent[] = [];
  let previous = '';
  for (const { segment, index } of words.segment(text.value)) {
    const allowed = index > 0 && !NO_START.test(segment) && !NO_END.test(previous);
    if (allowed) parts.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
    const last = parts.at(-1);
    if (!allowed && last?.type === 'text') last.value += segment;
    else parts.push({ type: 'text', value: segment });
    previous = segment;
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
