/**
 * A saved web page → the lines of its article, the rest of the page marked
 * as chrome (navigation, sidebars, footer) for the ledger to drop.
 *
 * The article is the element holding the most Chinese text outside links
 * (readability-style scoring), widened upwards to the page's headline
 * (<h1>) when that comes before it, so the title and the publish-info bar
 * stay in and go through the same noise rules as copied text.
 */
import type { Element, Nodes, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SourceLine } from './ledger.ts';
import type { Meta } from './noise.ts';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object', 'select', 'button', 'input']);
/** Every Han character, to count them. */
const HAN_CHARACTERS = /\p{Script=Han}/gu;

interface PageLine extends SourceLine {
  /** Offset of the line's block in the HTML, to place it inside or outside the article. */
  offset: number;
}

function isElement(node: Nodes): node is Element {
  return node.type === 'element';
}

function hasBlockDescendant(node: Element): boolean {
  return node.children.some((child) => isElement(child) && !SKIP.has(child.tagName) && (BLOCK.has(child.tagName) || hasBlockDescendant(child)));
}

/** Lines of a leaf block or of a run of inline content, placed at its first node. */
function emit(nodes: RootContent[], lines: PageLine[]): void {
  const first = nodes.find((node) => node.position)?.position?.start;
  if (!first) return;
  const text = toText({ type: 'root', children: nodes } as Root);
  for (const part of text.split('\n')) {
    if (part.trim() === '') continue;
    lines.push({ text: part.trim(), line: first.line, column: first.column, offset: first.offset ?? 0 });
  }
}

/** Walk the page in order: every block boundary is a line break, like a browser's innerText. */
function collectLines(node: Element | Root, lines: PageLine[]): void {
  let inline: RootContent[] = [];
  const flush = () => {
    if (inline.length > 0) emit(inline, lines);
    inline = [];
  };
  for (const child of node.children) {
    if (isElement(child) && SKIP.has(child.tagName)) continue;
    if (isElement(child) && (BLOCK.has(child.tagName) || hasBlockDescendant(child))) {
      flush();
      if (hasBlockDescendant(child)) collectLines(child, lines);
      else emit([child], lines);
    } else if (child.type === 'text' || isElement(child)) inline.push(child);
  }
  flush();
}

/** Han characters of an element's text outside links. */
function ownHan(node: Element): number {
  let count = 0;
  for (const child of node.children) {
    if (child.type === 'text') count += child.value.match(HAN_CHARACTERS)?.length ?? 0;
    else if (isElement(child) && !BLOCK.has(child.tagName) && child.tagName !== 'a' && !SKIP.has(child.tagName)) count += ownHan(child);
  }
  return count;
}

/** The element with the most article text: its own text plus that of its paragraph children. */
function articleElement(root: Root): Element | undefined {
  let best: { element: Element; score: number } | undefined;
  const visit = (node: Element | Root) => {
    for (const child of node.children) {
      if (!isElement(child) || SKIP.has(child.tagName)) continue;
      const paragraphs = child.children.filter(isElement).filter((grandchild) => BLOCK.has(grandchild.tagName) && !hasBlockDescendant(grandchild));
      const score = ownHan(child) + paragraphs.reduce((sum, paragraph) => sum + ownHan(paragraph), 0);
      if (!best || score > best.score) best = { element: child, score };
      visit(child);
    }
  };
  visit(root);
  return best && best.score > 0 ? best.element : undefined;
}

function findFirst(node: Element | Root, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

function metaContent(root: Root, names: string[]): string | undefined {
  const element = findFirst(root, (node) => {
    const key = String(node.properties.name ?? node.properties.property ?? '').toLowerCase();
    return node.tagName === 'meta' && names.includes(key);
  });
  const content = element?.properties.content;
  return typeof content === 'string' && content.trim() !== '' ? content.trim() : undefined;
}

function titleText(root: Root): string | undefined {
  const title = findFirst(root, (node) => node.tagName === 'title');
  return title ? toText(title).trim() : undefined;
}

/** What the page's <head> says about the article: its URL, publisher and date. */
function headMeta(root: Root): Meta {
  const canonical = findFirst(root, (node) => node.tagName === 'link' && String(node.properties.rel ?? '').includes('canonical'));
  const url = (typeof canonical?.properties.href === 'string' ? canonical.properties.href : undefined) ?? metaContent(root, ['og:url', 'url']);
  const published = metaContent(root, ['pubdate', 'publishdate', 'article:published_time', 'firstpublishedtime']);
  const meta: Meta = {};
  if (url && /^https?:\/\//.test(url)) meta.source = url;
  if (published) meta.published = /^\d{4}-\d{2}-\d{2}/.exec(published)?.[0];
  const publisher = metaContent(root, ['contentsource', 'source', 'sitename', 'og:site_name']);
  if (publisher) meta.publisher = publisher;
  // "关于…的通知_某某网": the document's title before the site's name; the article's own title wins over it.
  const pageTitle = metaContent(root, ['articletitle']) ?? titleText(root)?.split(/\s*[_|｜]\s*|\s+[-–—]\s+/)[0];
  if (pageTitle && /\p{Script=Han}{4}/u.test(pageTitle)) meta.title = pageTitle;
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value)) as Meta;
}

export interface PageText {
  /** Lines of the article, in order. */
  lines: SourceLine[];
  /** Lines of the page around the article. */
  chrome: SourceLine[];
  meta: Meta;
}

export function htmlLines(html: string): PageText {
  const root = unified().use(rehypeParse).parse(html) as Root;
  const lines: PageLine[] = [];
  collectLines(root, lines);
  const article = articleElement(root);
  const headline = findFirst(root, (node) => node.tagName === 'h1');
  const end = article?.position?.end.offset ?? Infinity;
  const articleStart = article?.position?.start.offset ?? 0;
  const headlineStart = headline?.position?.start.offset;
  const start = headlineStart !== undefined && headlineStart < articleStart ? headlineStart : articleStart;
  const inside = (line: PageLine) => line.offset >= start && line.offset < end;
  const strip = ({ offset: _offset, ...line }: PageLine): SourceLine => line;
  return { lines: lines.filter(inside).map(strip), chrome: lines.filter((line) => !inside(line)).map(strip), meta: headMeta(root) };
}
