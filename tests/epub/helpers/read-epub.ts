/**
 * Open an EPUB the way a reading system does: container.xml → package
 * document → spine, and give the text of its content documents.
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface OpenedEpub {
  zip: JSZip;
  /** Path of the package document, e.g. OEBPS/content.opf. */
  opfPath: string;
  opf: string;
  /** Spine items in order, with their paths in the zip and whether they are linear. */
  spine: Array<{ idref: string; path: string; linear: boolean; properties: string }>;
}

const xml = unified().use(rehypeParse, { space: 'html', fragment: false });

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

export async function openEpub(bytes: Uint8Array): Promise<OpenedEpub> {
  const zip = await JSZip.loadAsync(bytes);
  const container = await zip.file('META-INF/container.xml')!.async('string');
  const opfPath = attribute(/<rootfile\b[^>]*>/.exec(container)![0], 'full-path')!;
  const opf = await zip.file(opfPath)!.async('string');
  const base = opfPath.replace(/[^/]*$/, '');
  const items = new Map(
    [...opf.matchAll(/<item\b[^>]*>/g)].map(([tag]) => [attribute(tag, 'id')!, { href: attribute(tag, 'href')!, properties: attribute(tag, 'properties') ?? '' }]),
  );
  const spine = [...opf.matchAll(/<itemref\b[^>]*>/g)].map(([tag]) => {
    const idref = attribute(tag, 'idref')!;
    const item = items.get(idref)!;
    return { idref, path: base + item.href, linear: attribute(tag, 'linear') !== 'no', properties: item.properties };
  });
  return { zip, opfPath, opf, spine };
}

export async function contentDocument(epub: OpenedEpub, path: string): Promise<string> {
  return epub.zip.file(path)!.async('string');
}

/** Text of every block (paragraph or heading), markup whitespace collapsed (U+3000 is text): what a reader shows, block by block. */
export function blockTexts(tree: Root): string[] {
  return selectAll('p, h1, h2, h3, h4, h5, h6, li, th, td', tree).map((block: Element) => toText(block).replace(/[ \t\r\n]+/g, ' ').trim());
}

/** Blocks of the linear spine items: the book's reading text (the cover page has no blocks). */
export async function readingText(bytes: Uint8Array): Promise<string[]> {
  const epub = await openEpub(bytes);
  const texts: string[] = [];
  for (const item of epub.spine.filter((i) => i.linear)) {
    texts.push(...blockTexts(xml.parse(await contentDocument(epub, item.path))));
  }
  return texts;
}
