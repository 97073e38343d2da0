/**
 * The navigation document's lists: the nested table of contents
 * (parts › 一、 › （一） › lead sentences), the landmarks and the page-list.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { hasClass, type EpubChapter } from './chapters.ts';

export interface NavEntry {
  label: string;
  href: string;
  children: NavEntry[];
}

export interface Landmark {
  type: 'cover' | 'toc' | 'bodymatter';
  label: string;
  href: string;
}

/** Depth of each navigable block in the table of contents; a lead sentence sits under its heading. */
const DEPTH_BY_CLASS: ReadonlyArray<[string, number]> = [
  ['gw-title', 1],
  ['gw-part', 1],
  ['gw-level1', 2],
  ['gw-level2', 3],
  ['gw-level3', 4],
  ['gw-level4', 5],
];
const LEAD_DEPTH = 6;

function leadOf(paragraph: Element): Element | undefined {
  const first = paragraph.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  return first?.type === 'element' && hasClass(first, 'gw-lead') ? first : undefined;
}

/** Give every paragraph that opens with a lead sentence an id, so the nav can point at it. */
export function anchorLeadParagraphs(tree: Root): void {
  let count = 0;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'p' || !leadOf(node)) return;
    count += 1;
    node.properties.id ??= `lead-${count}`;
  });
}

interface FlatEntry {
  depth: number;
  label: string;
  href: string;
}

/** Strip the full stop of a lead sentence: the nav shows "切实加强理论武装", not a sentence. */
function leadLabel(lead: Element): string {
  return toText(lead).trim().replace(/[。：；]$/u, '');
}

function flatEntries(chapter: EpubChapter): FlatEntry[] {
  const entries: FlatEntry[] = [];
  const root: Root = { type: 'root', children: chapter.nodes };
  visit(root, 'element', (node) => {
    const fragment = typeof node.properties.id === 'string' ? `#${node.properties.id}` : '';
    const href = `${chapter.filename}${fragment}`;
    const headingDepth = DEPTH_BY_CLASS.find(([name]) => hasClass(node, name))?.[1];
    if (headingDepth !== undefined) {
      entries.push({ depth: headingDepth, label: toText(node).trim(), href });
      return 'skip';
    }
    const lead = node.tagName === 'p' ? leadOf(node) : undefined;
    if (lead && fragment) entries.push({ depth: LEAD_DEPTH, label: leadLabel(lead), href });
  });
  return entries;
}

/** Nest flat entries by depth: each entry goes under the nearest shallower one before it. */
function nest(entries: FlatEntry[]): NavEntry[] {
  const root: NavEntry[] = [];
  const stack: Array<{ depth: number; entry: NavEntry }> = [];
  for (const { depth, label, href } of entries) {
    const entry: NavEntry = { label, href, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].entry.children : root).push(entry);
    stack.push({ depth, entry });
  }
  return root;
}

/** The table of contents; a chapter without any heading still gets an entry under its title. */
export function tableOfContents(chapters: EpubChapter[]): NavEntry[] {
  return nest(
    chapters.flatMap((chapter) => {
      const entries = flatEntries(chapter);
      return entries.length > 0 ? entries : [{ depth: 1, label: chapter.title, href: chapter.filename }];
    }),
  );
}

export interface NcxPoint extends NavEntry {
  /** navPoint id, unique in the file. */
  id: string;
  /** Reading order: one number per target, shared by entries pointing to the same place (NCX, OPF 2.0.1 2.4.1.2). */
  playOrder: number;
  children: NcxPoint[];
}

/** The table of contents as the EPUB 2 NCX numbers it, for reading systems that do not read the EPUB 3 nav. */
export function ncxNavMap(toc: NavEntry[]): { points: NcxPoint[]; depth: number } {
  const order = new Map<string, number>();
  let count = 0;
  let depth = 0;
  const number = (entries: NavEntry[], level: number): NcxPoint[] =>
    entries.map((entry) => {
      depth = Math.max(depth, level);
      if (!order.has(entry.href)) order.set(entry.href, order.size + 1);
      const point = { ...entry, id: `nav-${++count}`, playOrder: order.get(entry.href)!, children: [] as NcxPoint[] };
      point.children = number(entry.children, level + 1);
      return point;
    });
  const points = number(toc, 1);
  return { points, depth };
}

export interface PageTarget {
  label: string;
  href: string;
}

/** Page-break markers (`epub:type="pagebreak"`) in reading order. */
export function pageList(chapters: EpubChapter[]): PageTarget[] {
  const pages: PageTarget[] = [];
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.nodes } as Root, 'element', (node) => {
      if (node.properties['epub:type'] !== 'pagebreak') return;
      pages.push({ label: String(node.properties.ariaLabel), href: `${chapter.filename}#${node.properties.id}` });
    });
  }
  return pages;
}
