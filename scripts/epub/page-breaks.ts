/**
 * The print edition's page numbers in the EPUB: read back where each page
 * of the PDF begins and put a page-break marker before that character of the
 * content, so "第 5 页" in the EPUB is where the printed page 5 starts.
 *
 * A page's start is found by its text, not by layout: the first characters
 * of the page (skipping runs such as the page number "— 5 —" that are not
 * in the document) are searched for in the document's text after the
 * previous page's start.
 */
import type { Element, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

/**
 * Characters compared: 16 are unique in any real document; a page's text may
 * end in furniture (its page number) before that, so shorter keys down to 4
 * are tried before a run is given up.
 */
const KEY_LENGTH = 16;
const MIN_KEY_LENGTH = 4;

/**
 * A page's text runs in content-stream order, by index: undefined past the
 * last, as an array's at(). The build's are read from the PDF as they are
 * asked for (see pdf-text.ts), so only the first few of a page are read.
 */
export interface PageRuns {
  at(index: number): string | undefined;
}

function allRuns(runs: PageRuns): string[] {
  const all: string[] = [];
  for (let run = runs.at(0); run !== undefined; run = runs.at(all.length)) all.push(run);
  return all;
}

/** Whitespace is layout, not text: PDFs drop or add it (U+3000 included). */
const WHITESPACE = /\s/u;

/**
 * CFF-outline CJK fonts in Chromium PDFs read back some ideographs as Kangxi
 * radicals (人 → ⼈); NFKC maps those blocks, and only those, back.
 */
function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/gu, (radical) => radical.normalize('NFKC'));
}

function squeeze(text: string): string {
  return [...unifyRadicals(text)].filter((char) => !WHITESPACE.test(char)).join('');
}

/**
 * Offset in `documentText` (squeezed) where each page starts, or undefined for
 * a page whose text is not found. Each run of the page is tried in turn as the
 * page's beginning, so page furniture before the body text is skipped.
 */
export function pageStartOffsets(documentText: string, pages: PageRuns[]): Array<number | undefined> {
  let from = 0;
  return pages.map((runs) => {
    // Runs read and squeezed as far as the keys reach, not the whole page: one page's start is ~16 characters.
    const squeezed: string[] = [];
    const squeezedRun = (index: number) => (squeezed[index] ??= squeeze(runs.at(index)!));
    for (let first = 0; runs.at(first) !== undefined; first++) {
      let rest = '';
      for (let next = first; runs.at(next) !== undefined && rest.length < KEY_LENGTH; next++) rest += squeezedRun(next);
      // No longer key is found where the shortest is not: furniture (the page number) costs one search of the text, not thirteen.
      const shortest = Math.min(MIN_KEY_LENGTH, rest.length);
      if (shortest === 0 || !documentText.includes(rest.slice(0, shortest), from)) continue;
      for (let length = Math.min(KEY_LENGTH, rest.length); length >= shortest; length--) {
        const offset = documentText.indexOf(rest.slice(0, length), from);
        if (offset >= 0) {
          from = offset + 1;
          return offset;
        }
      }
    }
    return undefined;
  });
}

interface TextPosition {
  node: Text;
  parent: Element | Root;
}

/** Text nodes of the content with the squeezed offset each starts at. */
function textPositions(content: Root): { text: string; positions: Array<TextPosition & { start: number }> } {
  const positions: Array<TextPosition & { start: number }> = [];
  let text = '';
  visitParents(content, 'text', (node, ancestors) => {
    positions.push({ node, parent: ancestors[ancestors.length - 1] as Element | Root, start: text.length });
    text += squeeze(node.value);
  });
  return { text, positions };
}

export function pageBreakMarker(page: number): Element {
  const label = String(page);
  return {
    type: 'element',
    tagName: 'span',
    properties: { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: `page-${label}`, ariaLabel: label },
    children: [],
  };
}

/** Index in `value` of its `count`-th non-whitespace character (0-based). */
function rawIndex(value: string, count: number): number {
  let seen = 0;
  const chars = [...value];
  let index = 0;
  for (const char of chars) {
    if (!WHITESPACE.test(char)) {
      if (seen === count) return index;
      seen += 1;
    }
    index += char.length;
  }
  return value.length;
}

/** Put `marker` right before the squeezed character at `offset`, splitting its text node. */
function insertAt(positions: Array<TextPosition & { start: number }>, offset: number, marker: Element): void {
  const at = positions.findLast((position) => position.start <= offset && squeeze(position.node.value).length > 0)!;
  const { node, parent } = at;
  const split = rawIndex(node.value, offset - at.start);
  const siblings = parent.children as Array<Element | Text>;
  const index = siblings.indexOf(node);
  const before: Text = { type: 'text', value: node.value.slice(0, split) };
  const after: Text = { type: 'text', value: node.value.slice(split) };
  siblings.splice(index, 1, ...(before.value ? [before] : []), marker, after);
  at.node = after;
  at.start = offset;
}

/** A page with nothing on it but its number ("— 12 —"), such as the blank page before an odd 版记 page. */
function isBlank(runs: PageRuns): boolean {
  return /^[\d\p{Pd}]*$/u.test(squeeze(allRuns(runs).join('')));
}

/**
 * Insert a page-break marker for every PDF page into `content` (in place).
 * A blank page's marker goes where the next page begins (or at the end);
 * a page whose text cannot be found gets a message on `file` and no marker.
 * Returns the page numbers that got a marker.
 */
export function insertPageBreaks(content: Root, pages: PageRuns[], file?: VFile): number[] {
  const { text, positions } = textPositions(content);
  const offsets = pageStartOffsets(text, pages);
  const placed: number[] = [];
  offsets.forEach((found, index) => {
    const page = index + 1;
    const offset = found ?? (isBlank(pages[index]) ? offsets.slice(index + 1).find((next) => next !== undefined) ?? text.length : undefined);
    if (offset === undefined) {
      file?.message(`PDF page ${page} does not begin with text of the document: the EPUB's page-list skips it`, undefined, 'epub:page-not-found');
      return;
    }
    insertAt(positions, offset, pageBreakMarker(page));
    placed.push(page);
  });
  return placed;
}
