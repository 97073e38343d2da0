/**
 * The EPUB writer: a RenderedDocument in, the bytes of an EPUB 3 out.
 *
 * epub-gen-memory (the user's choice) lays out the container; our templates
 * (./templates/*.ejs) replace its package document, navigation and chapter
 * files, and ./container.ts finishes what templates cannot reach.
 */
import { readFileSync } from 'node:fs';
import { EPub, type Chapter, type Font, type Options } from 'epub-gen-memory';
import { render } from 'ejs';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { RenderedDocument } from '../ast/types.ts';
import type { FontOptions, PreparedFonts } from '../fonts/index.ts';
import { buildDate } from '../render/finish.ts';
import { accessibilityMetadata } from './accessibility.ts';
import { splitIntoChapters, type EpubChapter } from './chapters.ts';
import { normalizeContainer } from './container.ts';
import { coverAlt } from './cover.ts';
import { furnitureText, LABELS, readerCss } from './book-text.ts';
import { embedSlotFonts } from './fonts.ts';
import { contentIdentifier, creatorOf, descriptionOf, w3cDateTime, zipDate } from './metadata.ts';
import { anchorLeadParagraphs, ncxNavMap, pageList, tableOfContents, type Landmark } from './nav.ts';
import { insertPageBreaks } from './page-breaks.ts';
import { pdfPageTexts } from './pdf-text.ts';
import type { PDFDocument } from 'pdf-lib';

export { bookFontTexts } from './book-text.ts';

export interface EpubOptions {
  /** Reader style sheet; defaults to templates/TEMPLATE/epub.css for the document's template. */
  css?: string;
  /**
   * The cover image, PNG: see renderCover() in ./cover.ts (the build photographs it with its browser). Without it the book
   * has no cover. It may still be coming: it is awaited last, when the container is written, so the book is made meanwhile.
   */
  cover?: Uint8Array | Promise<Uint8Array>;
  /** The print edition (the PDF the build made, or pdf-lib's document of it): its pages become page-break markers and a page-list. */
  pdf?: Uint8Array | PDFDocument;
  /** Where messages about the document go (e.g. a PDF page not found in the text). */
  file?: VFile;
  /**
   * Embed the slot fonts, subset: the fonts stage's options (its cache and the user's font folders), or fonts it
   * prepared for at least the book's text (see bookFontTexts); without it readers use their own fonts.
   */
  fonts?: FontOptions | PreparedFonts;
}

const TEMPLATES = new URL('./templates/', import.meta.url);
const template = (name: string): string => readFileSync(new URL(name, TEMPLATES), 'utf8');

const COVER_PAGE = 'cover.xhtml';

function landmarks(chapters: EpubChapter[], hasCover: boolean): Landmark[] {
  return [
    ...(hasCover ? [{ type: 'cover', label: LABELS.cover, href: COVER_PAGE } as const] : []),
    { type: 'toc', label: LABELS.toc, href: 'toc.xhtml' },
    { type: 'bodymatter', label: LABELS.bodymatter, href: chapters[0].filename },
  ];
}

function toLibraryChapter(chapter: EpubChapter): Chapter {
  return { title: chapter.title, filename: chapter.filename, content: toHtml({ type: 'root', children: chapter.nodes }) };
}

/**
 * epub-gen-memory with its random identifier replaced and the pages it has
 * no notion of (the cover page) added.
 */
class GongwenEpub extends EPub {
  constructor(
    options: Options,
    content: Chapter[],
    identifier: string,
    private readonly extraPages: Record<string, string>,
  ) {
    super(options, content);
    this.uuid = identifier;
  }

  async container(): Promise<EPub['zip']> {
    await this.render();
    for (const [name, page] of Object.entries(this.extraPages)) this.zip.file(`OEBPS/${name}`, page);
    return this.zip;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/**
 * The cover as epub-gen-memory takes it, a File, whose bytes it hands to the
 * zip unread: they are awaited, and checked, only when the container is written.
 */
class CoverFile extends File {
  readonly #png: Promise<Uint8Array>;

  constructor(doc: RenderedDocument, cover: Uint8Array | Promise<Uint8Array>) {
    super([], 'cover.png', { type: 'image/png' });
    this.#png = Promise.resolve(cover).then((bytes) => {
      if (!isPng(bytes)) throw new Error(`${doc.name}: the EPUB cover must be a PNG image (renderCover makes one)`);
      return bytes;
    });
    this.#png.catch(() => undefined); // awaited when the container is written; a failure before that must not go unhandled
  }

  // The zip takes a promise of the bytes; File's own type says ArrayBuffer.
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#png as Promise<never>;
  }
}

function coverPage(doc: RenderedDocument): string {
  return render(template('cover.xhtml.ejs'), { lang: doc.meta.lang, title: LABELS.cover, image: 'cover.png', alt: coverAlt(doc) });
}

/**
 * The reader style sheet, preceded by the @font-face rules of the embedded slot fonts when fonts are asked for: those
 * of the document's text, which the book's page-break markers and anchors leave as it is.
 */
async function styles(doc: RenderedDocument, options: EpubOptions): Promise<{ css: string; fonts: Font[] }> {
  const css = options.css ?? readerCss(doc);
  if (!options.fonts) return { css, fonts: [] };
  const embedded = await embedSlotFonts(doc.content, css, furnitureText(doc), options.fonts);
  for (const { slot, chars } of embedded.uncovered) {
    options.file?.message(`No font of the ${slot} slot has ${[...chars].join(' ')}: the EPUB leaves them to the reader's font`, undefined, 'epub:font-coverage');
  }
  return { css: `${embedded.css}\n${css}`, fonts: embedded.files };
}

/** What our templates (content.opf, toc.xhtml) read, under the `gw` key of epub-gen-memory's options. */
function templateData(doc: RenderedDocument, chapters: EpubChapter[], hasCover: boolean, modified: Date) {
  const pages = pageList(chapters);
  const toc = tableOfContents(chapters);
  return {
    lang: doc.meta.lang,
    identifier: contentIdentifier(doc.meta, doc.content),
    title: doc.meta.title,
    creator: creatorOf(doc.meta),
    description: descriptionOf(doc.meta),
    date: doc.meta.date,
    publisher: doc.meta.publisher,
    source: doc.meta.source,
    printEdition: pages.length > 0 ? `${doc.name}.pdf` : undefined,
    modified: w3cDateTime(modified),
    accessibility: accessibilityMetadata({ pageList: pages.length > 0, cover: hasCover }),
    toc,
    ncx: ncxNavMap(toc),
    landmarks: landmarks(chapters, hasCover),
    pageList: pages,
    tocTitle: LABELS.toc,
    landmarksTitle: LABELS.landmarks,
    pageListTitle: LABELS.pageList,
  };
}

export async function writeEpub(doc: RenderedDocument, options: EpubOptions = {}): Promise<Buffer> {
  const content = structuredClone(doc.content) as Root;
  if (options.pdf) insertPageBreaks(content, await pdfPageTexts(options.pdf), options.file);
  anchorLeadParagraphs(content);
  const chapters = splitIntoChapters(content, doc.meta.title);
  if (chapters.length === 0) throw new Error(`${doc.name}: nothing to put in the EPUB (the rendered content is empty)`);

  const { cover } = options;
  const modified = buildDate(doc.meta);
  const gw = templateData(doc, chapters, Boolean(cover), modified);
  const libraryOptions = {
    title: doc.meta.title,
    author: gw.creator,
    description: gw.description,
    lang: doc.meta.lang,
    ...(await styles(doc, options)),
    prependChapterTitles: false,
    contentOPF: template('content.opf.ejs'),
    tocXHTML: template('toc.xhtml.ejs'),
    tocNCX: template('toc.ncx.ejs'),
    chapterXHTML: template('chapter.xhtml.ejs'),
    ...(cover ? { cover: new CoverFile(doc, cover) } : {}),
    gw,
  } as Options;
  const extraPages: Record<string, string> = cover ? { [COVER_PAGE]: coverPage(doc) } : {};
  const epub = new GongwenEpub(libraryOptions, chapters.map(toLibraryChapter), gw.identifier, extraPages);
  return normalizeContainer(await epub.container(), zipDate(modified));
}
