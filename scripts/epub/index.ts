/**
 * The EPUB writer: a RenderedDocument in, the bytes of an EPUB 3 out.
 *
 * epub-gen-memory (the user's choice) lays out the container; our templates
 * (./templates/*.ejs) replace its package document, navigation and chapter
 * files, and ./container.ts finishes what templates cannot reach.
 */
import { readFileSync } from 'node:fs';
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RenderedDocument } from '../ast/types.ts';
import { buildDate } from '../render/finish.ts';
import { accessibilityMetadata } from './accessibility.ts';
import { splitIntoChapters, type EpubChapter } from './chapters.ts';
import { normalizeContainer } from './container.ts';
import { contentIdentifier, creatorOf, describe, w3cDateTime, zipDate } from './metadata.ts';
import { anchorLeadParagraphs, pageList, tableOfContents, type Landmark } from './nav.ts';

export interface EpubOptions {
  /** Reader style sheet; defaults to templates/TEMPLATE/epub.css for the document's template. */
  css?: string;
}

const TEMPLATES = new URL('./templates/', import.meta.url);
const template = (name: string): string => readFileSync(new URL(name, TEMPLATES), 'utf8');

/** Labels in the book's language; the nav and landmarks are read aloud too. */
const LABELS = { toc: '目录', landmarks: '导航', pageList: '页码', cover: '封面', bodymatter: '正文' } as const;

function readerCss(doc: RenderedDocument): string {
  const name = doc.meta.template ?? 'report';
  return readFileSync(new URL(`../../templates/${name}/epub.css`, import.meta.url), 'utf8');
}

function landmarks(chapters: EpubChapter[]): Landmark[] {
  return [
    { type: 'toc', label: LABELS.toc, href: 'toc.xhtml' },
    { type: 'bodymatter', label: LABELS.bodymatter, href: chapters[0].filename },
  ];
}

function toLibraryChapter(chapter: EpubChapter): Chapter {
  return { title: chapter.title, filename: chapter.filename, content: toHtml({ type: 'root', children: chapter.nodes }) };
}

/** epub-gen-memory with its random identifier replaced and its EPUB 2 leftovers removed. */
class GongwenEpub extends EPub {
  constructor(options: Options, content: Chapter[], identifier: string) {
    super(options, content);
    this.uuid = identifier;
  }

  async container(): Promise<EPub['zip']> {
    await this.render();
    // EPUB 3 reading systems navigate with the nav document; our package does not list an NCX.
    this.zip.remove('OEBPS/toc.ncx');
    return this.zip;
  }
}

export async function writeEpub(doc: RenderedDocument, options: EpubOptions = {}): Promise<Buffer> {
  const content = structuredClone(doc.content) as Root;
  anchorLeadParagraphs(content);
  const chapters = splitIntoChapters(content, doc.meta.title);
  if (chapters.length === 0) throw new Error(`${doc.name}: nothing to put in the EPUB (the rendered content is empty)`);

  const modified = buildDate(doc.meta);
  const gw = {
    lang: doc.meta.lang,
    identifier: contentIdentifier(doc.meta, doc.content),
    title: doc.meta.title,
    creator: creatorOf(doc.meta),
    description: describe(doc.meta),
    date: doc.meta.date,
    publisher: doc.meta.publisher,
    source: doc.meta.source,
    modified: w3cDateTime(modified),
    accessibility: accessibilityMetadata({ pageList: false, cover: false }),
    toc: tableOfContents(chapters),
    landmarks: landmarks(chapters),
    pageList: pageList(chapters),
    tocTitle: LABELS.toc,
    landmarksTitle: LABELS.landmarks,
    pageListTitle: LABELS.pageList,
  };
  const libraryOptions = {
    title: doc.meta.title,
    author: gw.creator,
    description: gw.description,
    lang: doc.meta.lang,
    css: options.css ?? readerCss(doc),
    prependChapterTitles: false,
    contentOPF: template('content.opf.ejs'),
    tocXHTML: template('toc.xhtml.ejs'),
    chapterXHTML: template('chapter.xhtml.ejs'),
    gw,
  } as Options;
  const epub = new GongwenEpub(libraryOptions, chapters.map(toLibraryChapter), gw.identifier);
  return normalizeContainer(await epub.container(), zipDate(modified));
}
