/**
 * Cut the rendered body into EPUB chapters: one per part heading
 * (`h2.gw-part`); the title block, salutation and whatever precedes the first
 * part make the first chapter.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';

export interface EpubChapter {
  /** Heading text shown by readers (nav, running heads). */
  title: string;
  /** File name inside the container, stable across builds. */
  filename: string;
  /** The chapter's blocks, in document order. */
  nodes: ElementContent[];
}

export function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function isElement(node: RootContent): node is Element {
  return node.type === 'element';
}

function isPartHeading(node: RootContent): boolean {
  return isElement(node) && hasClass(node, 'gw-part');
}

/** Title of the opening chapter: the document's title heading, else the given fallback. */
function openingTitle(nodes: ElementContent[], fallback: string): string {
  const title = nodes.find((node) => node.type === 'element' && hasClass(node, 'gw-title'));
  return title ? toText(title).trim() : fallback;
}

export function chapterFilename(index: number): string {
  return `chapter-${String(index + 1).padStart(2, '0')}.xhtml`;
}

/** Split the content's top-level blocks at every part heading; chapters with no element are dropped. */
export function splitIntoChapters(content: Root, documentTitle: string): EpubChapter[] {
  const groups: ElementContent[][] = [[]];
  for (const node of content.children) {
    if (node.type === 'doctype') continue;
    if (isPartHeading(node) && groups[groups.length - 1].some((n) => n.type === 'element')) groups.push([]);
    groups[groups.length - 1].push(node);
  }
  return groups
    .filter((nodes) => nodes.some((node) => node.type === 'element'))
    .map((nodes, index) => {
      const first = nodes.find((node): node is Element => node.type === 'element');
      const title = first && hasClass(first, 'gw-part') ? toText(first).trim() : openingTitle(nodes, documentTitle);
      return { title, filename: chapterFilename(index), nodes };
    });
}
