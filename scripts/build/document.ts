/**
 * One document through the pipeline: cleaned source → parse/structure →
 * template → fonts → page HTML → PDF (Chromium, then pdf-lib) and EPUB. The
 * heavy half of the build, imported only when some document is out of date.
 * Returns its outputs as temporary files for the caller to commit together,
 * and every file it read, for the cache record.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { PDFDocument } from 'pdf-lib';
import type { VFile } from 'vfile';
import type { RenderedDocument } from '../ast/types.ts';
import { coverHtml, renderCover } from '../epub/cover.ts';
import { bookFontTexts } from '../epub/book-text.ts';
import { reportFontCoverage } from '../fonts/coverage.ts';
import { defaultFontOptions, fontFaceCss, listSystemFaces, prepareFonts, type PreparedFonts, type SlotName } from '../fonts/index.ts';
import { parseDocument } from '../parse/index.ts';
import { findChromium } from '../render/browser.ts';
import type { Renderer } from '../render/renderer.ts';
import { geometryCss } from '../template/geometry.ts';
import { loadTemplate, pageHtml, renderContent, type Template } from '../template/index.ts';
import { slotTexts } from '../template/slot-text.ts';
import type { BuildCache } from './cache.js';
import { codeFingerprint, folderSignatures, sha256, stampFiles, type FileStamp } from './fingerprint.js';
import { OutputSet } from './outputs.js';

export interface PipelineContext {
  outDir: string;
  projectDir: string;
  cache: BuildCache;
  renderer: Renderer;
  /** Fingerprint of the tool's code (see ./fingerprint.js). */
  tool: string;
}

export interface BuiltDocument {
  outputs: OutputSet;
  /**
   * Every file read, stamped when it was read — the source just before — so
   * an edit during the build makes the next run rebuild. Fonts, big, are
   * stamped by size and time only.
   */
  inputs: Record<string, FileStamp>;
  /** Signatures of the font folders searched, taken before the search (see ./cache.js). */
  folders: Record<string, string>;
  stages: Record<string, string>;
  /** Milliseconds per stage: prepare (parse, template, fonts), print, finish, cover, epub. */
  timings: Record<string, number>;
}

interface Prepared {
  rendered: RenderedDocument;
  /** The source's bytes hashed: with the tool's code, all the rendered document derives from, and cheaper to key by than it. */
  sourceHash: string;
  template: Template;
  /** The template's files, stamped as they were read. */
  templateStamps: Record<string, FileStamp>;
  fontFolders: Record<string, string>;
  fonts: PreparedFonts;
  html: string;
}

const filesOf = (dir: string) => readdirSync(dir).map((name) => join(dir, name));

/** Text per slot of both editions: one subset of each face serves the print and the book, made in one run of fontTools. */
function bothEditions(print: Partial<Record<SlotName, string>>, book: Partial<Record<SlotName, string>>): Partial<Record<SlotName, string>> {
  const texts = { ...print };
  for (const [slot, text] of Object.entries(book) as Array<[SlotName, string]>) texts[slot] = `${texts[slot] ?? ''}\n${text}`;
  return texts;
}

async function prepare(name: string, file: VFile, ctx: PipelineContext): Promise<Prepared> {
  // fontconfig answers while the document is parsed; a failure shows where the fonts are resolved.
  listSystemFaces().catch(() => undefined);
  const sourceHash = sha256(file.value);
  const doc = parseDocument(file);
  const rendered = renderContent(doc, name);
  const template = loadTemplate(doc.meta.template ?? 'report');
  // The template's folder and the style sheets it imports from other templates' folders.
  const templateStamps = stampFiles([...new Set([...filesOf(template.dir), ...template.files])]);
  const wrapper = select('[data-gw-slot="content"]', fromHtml(template.html))!;
  const fontOptions = defaultFontOptions(ctx.outDir, ctx.projectDir);
  const fontFolders = folderSignatures(fontOptions.userFontDirs);
  const texts = bothEditions(slotTexts(rendered.content, template.printCss, wrapper), bookFontTexts(rendered, template.epubCss));
  const fonts = await prepareFonts(texts, fontOptions);
  reportFontCoverage(fonts, file);
  const fontCss = fontFaceCss(fonts, (face) => relative(ctx.outDir, face.file).split('\\').join('/'));
  const html = pageHtml(rendered, template, [fontCss, geometryCss(), template.printCss].join('\n'));
  return { rendered, sourceHash, template, templateStamps, fontFolders, fonts, html };
}

/**
 * The render stage's code, hashed once per process: it is the code this
 * process runs (a watch keeps running the code it started with) and does not
 * change from one document to the next.
 */
const renderCode = new Map<string, string>();

/**
 * What Chromium's print depends on: the page, the font files it loads, the
 * Chromium binary, and the render stage's own code (it changes the page in
 * the browser before printing: punctuation squeezing, print options).
 */
function printKey(prepared: Prepared, projectDir: string): string {
  const fonts = prepared.fonts.faces.map((face) => sha256(readFileSync(face.file)));
  if (!renderCode.has(projectDir)) renderCode.set(projectDir, codeFingerprint(projectDir, ['render']));
  return sha256(JSON.stringify([prepared.html, fonts, chromiumStamp(), renderCode.get(projectDir)]));
}

function chromiumStamp(): [string, number, number] {
  const chromium = findChromium();
  const { size, mtimeMs } = statSync(chromium);
  return [chromium, size, mtimeMs];
}

async function printedPdf(htmlFile: string, prepared: Prepared, file: VFile, ctx: PipelineContext): Promise<{ pdf: Uint8Array; key: string }> {
  const key = printKey(prepared, ctx.projectDir);
  const cached = ctx.cache.readStage('print', key);
  if (cached) return { pdf: cached, key };
  const printed = await ctx.renderer.print(htmlFile, [join(ctx.cache.dir, 'fonts')]);
  for (const url of printed.blocked) file.message(`Blocked a request of the page: ${url}`, { ruleId: 'blocked-request', source: 'pdf' });
  // A print with blocked requests is not kept: its warnings must show again on the next build.
  if (!printed.blocked.length) ctx.cache.writeStage('print', key, printed.pdf);
  return { pdf: printed.pdf, key };
}

/**
 * The EPUB's cover, photographed by the build's browser after the print,
 * while this process finishes the PDF and makes the EPUB, which takes it
 * last: kept in the stage cache by its page, which changes with the title
 * block only, so an edit of the text takes no new photograph.
 */
function coverImage(prepared: Prepared, ctx: PipelineContext): { cover: Promise<Uint8Array>; key: string } {
  const key = sha256(JSON.stringify([ctx.tool, coverHtml(prepared.rendered), chromiumStamp()]));
  const cached = ctx.cache.readStage('cover', key);
  if (cached) return { cover: Promise.resolve(cached), key };
  const cover = ctx.renderer.run('photograph the cover', (page) => renderCover(page, prepared.rendered));
  return { cover: cover.then((png) => (ctx.cache.writeStage('cover', key, png), png)), key };
}

/**
 * The EPUB: the content, the reader style sheet, the print edition's page
 * breaks (from the finished PDF), the cover (known by its key while it may
 * still be photographed) and the subset fonts. Kept in the stage cache unless
 * it left messages on the file, which must show again on the next build.
 */
async function epubBytes(
  prepared: Prepared,
  finished: { pdf: Uint8Array; document: PDFDocument },
  cover: { cover: Promise<Uint8Array>; key: string },
  file: VFile,
  ctx: PipelineContext,
): Promise<{ epub: Uint8Array; key: string }> {
  const css = prepared.template.epubCss;
  // The rendered document by its source and name (JSON of a 10× document's tree took 0.13 s).
  const key = sha256(JSON.stringify([ctx.tool, prepared.sourceHash, prepared.rendered.name, css, sha256(finished.pdf), cover.key, process.env.SOURCE_DATE_EPOCH ?? '']));
  const cached = ctx.cache.readStage('epub', key);
  if (cached) return { epub: cached, key };
  const messages = file.messages.length;
  const { writeEpub } = await import('../epub/index.ts');
  const epub = await writeEpub(prepared.rendered, { css, pdf: finished.document, file, cover: cover.cover, fonts: prepared.fonts });
  if (file.messages.length === messages) ctx.cache.writeStage('epub', key, epub);
  return { epub, key };
}

export async function buildDocument(source: string, name: string, file: VFile, ctx: PipelineContext): Promise<BuiltDocument> {
  const outputs = new OutputSet();
  // A document's browser jobs end before it does, whether it fails or its EPUB comes from the cache.
  let photographing: Promise<unknown> | undefined;
  try {
    const sourceStamp = stampFiles([source]);
    file.value = readFileSync(source); // bytes: the parse stage checks they are UTF-8
    const timings: Record<string, number> = {};
    const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        timings[stage] = performance.now() - started;
      }
    };
    const prepared = await timed('prepare', () => prepare(name, file, ctx));
    const final = (ext: string) => join(ctx.outDir, `${name}.${ext}`);
    // Chromium reads the page from its temporary file beside the outputs, so the fonts' relative URLs resolve.
    const htmlFile = outputs.add(final('html'), prepared.html, '.tmp.html');
    // The code of the stages after the print (pdf-lib, the EPUB writer) loads now, while Chromium starts: later,
    // this process must answer the page loading, and the squeeze and print take both cores (the code then took
    // 0.8–1.0 s to load instead of 0.4 s). A failure to load shows where the code is used, below.
    void Promise.all([import('../render/finish.ts'), import('../epub/index.ts')]).catch(() => undefined);
    const printed = await timed('print', () => printedPdf(htmlFile, prepared, file, ctx));
    const { finishPdf } = await import('../render/finish.ts');
    // The cover after the print, not beside it in a second tab: on two cores that slows the print more than it saves.
    const { cover: photographed, key: coverKey } = coverImage(prepared, ctx);
    const cover = { cover: timed('cover', () => photographed), key: coverKey };
    photographing = cover.cover.catch(() => undefined); // its failure is the EPUB's, which awaits it
    const finished = await timed('finish', () => finishPdf(printed.pdf, prepared.rendered.meta));
    outputs.add(final('pdf'), finished.pdf);
    const epub = await timed('epub', () => epubBytes(prepared, finished, cover, file, ctx));
    outputs.add(final('epub'), epub.epub);
    await photographing;
    return {
      timings,
      outputs,
      inputs: { ...stampFiles(prepared.fonts.faces.map((face) => face.source.file), false), ...prepared.templateStamps, ...sourceStamp },
      folders: prepared.fontFolders,
      stages: { print: printed.key, cover: coverKey, epub: epub.key },
    };
  } catch (error) {
    await photographing;
    outputs.discard();
    throw error;
  }
}
