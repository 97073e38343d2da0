/**
 * Reads the laid-out text of a PDF with pdfjs-dist: every horizontal run of
 * glyphs with its position (millimetres from the top-left corner of the page),
 * glyph size and font, every font with its type and embedding, and the box
 * of every filled shape (rules, table borders).
 * Nothing here knows about GB/T 9704; it only turns PDF units into page facts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StructTreeContent, StructTreeNode, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { MM_PER_PT } from '../standard/gbt9704.ts';

export interface PdfFont {
  /** pdfjs' id of the font on its page (item.fontName). */
  id: string;
  /** The BaseFont as written, subset tag included ("AAAAAA+SimSun"); '' when the PDF names none. */
  name: string;
  /** PDF font type as pdfjs reports it: Type3, CIDFontType2, TrueType, Type1, … */
  type: string;
  embedded: boolean;
  /** Ascent and descent in em (descent negative); undefined when the font carries none. */
  ascent?: number;
  descent?: number;
}

/** A run of glyphs on one baseline in one font, as pdfjs reports it. */
export interface TextRun {
  text: string;
  /** Left edge of the first glyph's advance box. */
  xMm: number;
  /** Right edge of the last glyph's advance box. */
  endMm: number;
  baselineMm: number;
  sizePt: number;
  font: PdfFont;
  /**
   * Structure types of a tagged PDF enclosing the run, outermost first
   * (ISO 32000-1 14.8.4, mapped through the role map): ['Document', 'BlockQuote', 'P'];
   * empty in an untagged PDF or outside the tagged content.
   */
  structure: string[];
}

/** The bounding box of a filled path, in millimetres from the top-left corner of the page. */
export interface Shape {
  topMm: number;
  bottomMm: number;
  leftMm: number;
  rightMm: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  widthMm: number;
  heightMm: number;
  runs: TextRun[];
  shapes: Shape[];
}

export interface PdfFacts {
  pages: PdfPage[];
  /** Every font any page selects, one entry per font object (pdfjs ids are unique in a document). */
  fonts: PdfFont[];
}

/** Thrown for a file that cannot be checked at all; the message is one line for the user. */
export class UnreadablePdfError extends Error {}

const pdfjsRoot = new URL('./', pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));

export async function readPdf(path: string): Promise<PdfFacts> {
  const bytes = await readBytes(path);
  if (!startsWithPdfHeader(bytes)) throw new UnreadablePdfError(`${path} is not a PDF (no %PDF- header)`);
  const document = await openDocument(path, bytes);
  try {
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= document.numPages; number++) {
      const { page, pageFonts } = await readPage(await document.getPage(number), number);
      for (const font of pageFonts.values()) fonts.set(font.id, font);
      pages.push(page);
    }
    return { pages, fonts: [...fonts.values()] };
  } finally {
    await document.destroy();
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(error);
    throw new UnreadablePdfError(`cannot read ${path}: ${reason}`);
  }
}

/** PDF readers accept the header anywhere in the first 1024 bytes. */
function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

async function openDocument(path: string, data: Uint8Array) {
  try {
    return await getDocument({
      data,
      fontExtraProperties: true,
      // CJK PDFs from Word and WPS use predefined CMaps (UniGB-UCS2-H, …).
      cMapUrl: fileURLToPath(new URL('cmaps/', pdfjsRoot)),
      cMapPacked: true,
      // No standardFontDataUrl: with it pdfjs substitutes a file for a missing standard font and reports it embedded.
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new UnreadablePdfError(`${path} is not a readable PDF (${error instanceof Error ? error.message : error})`);
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<{ page: PdfPage; pageFonts: Map<string, PdfFont> }> {
  const [left, bottom, right, top] = page.view;
  const operators = await page.getOperatorList();
  const pageFonts = loadFonts(page, operators);
  const structureOf = await structurePaths(page);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const runs = withStructure(content.items, structureOf)
    .filter(({ item }) => item.str.trim() !== '' && item.transform[1] === 0 && item.transform[2] === 0)
    .map(({ item, structure }) => toRun(item, structure, pageFonts, left, top));
  const widthMm = (right - left) * MM_PER_PT;
  const shapes = filledShapes(operators, left, top);
  return { page: { number, widthMm, heightMm: (top - bottom) * MM_PER_PT, runs, shapes }, pageFonts };
}

type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

/**
 * Fonts reach `commonObjs` only once the page's operator list is built; the
 * text items name them by the same id.
 */
function loadFonts(page: PDFPageProxy, operators: OperatorList): Map<string, PdfFont> {
  const fonts = new Map<string, PdfFont>();
  operators.fnArray.forEach((fn, index) => {
    if (fn !== OPS.setFont) return;
    const id = operators.argsArray[index][0] as string;
    if (!fonts.has(id)) fonts.set(id, describeFont(id, page.commonObjs.get(id)));
  });
  return fonts;
}

type Matrix = [number, number, number, number, number, number];
const multiply = ([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix => [
  a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F,
];
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * Filled paths: pdfjs gives each path's box in the user space it was drawn
 * in (constructPath's last argument: min x, min y, max x, max y); the
 * transformation matrices in force (cm, within q … Q) take it to the page.
 */
function filledShapes(operators: OperatorList, pageLeft: number, pageTop: number): Shape[] {
  const shapes: Shape[] = [];
  const saved: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.constructPath && FILLS.has(args[0]) && args[2]) {
      const [x0, y0, x1, y1] = args[2] as number[];
      const corners = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x, y]) => [x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]]);
      const xs = corners.map(([x]) => (x - pageLeft) * MM_PER_PT);
      const ys = corners.map(([, y]) => (pageTop - y) * MM_PER_PT);
      shapes.push({ leftMm: Math.min(...xs), rightMm: Math.max(...xs), topMm: Math.min(...ys), bottomMm: Math.max(...ys) });
    }
  });
  return shapes;
}

function describeFont(id: string, font: Record<string, unknown>): PdfFont {
  const metric = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value !== 0 ? value : undefined);
  return {
    id,
    name: typeof font.name === 'string' ? font.name : '',
    type: typeof font.type === 'string' ? font.type : 'unknown',
    embedded: font.missingFile === false,
    ascent: metric(font.ascent),
    descent: metric(font.descent),
  };
}

/** For each marked-content id of the page, the structure types from the root down to its element; empty for an untagged page. */
async function structurePaths(page: PDFPageProxy): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  const walk = (node: StructTreeNode | StructTreeContent, path: string[]) => {
    if ('id' in node) paths.set(node.id, path);
    else for (const child of node.children) walk(child, node.role === 'Root' ? path : [...path, node.role]);
  };
  const tree = (await page.getStructTree()) as StructTreeNode | null;
  if (tree) walk(tree, []);
  return paths;
}

/** The text items, each with the structure of the innermost marked content (that has an id) it lies in. */
function withStructure(items: Array<TextItem | TextMarkedContent>, structureOf: Map<string, string[]>): Array<{ item: TextItem; structure: string[] }> {
  const open: Array<string | undefined> = [];
  const out: Array<{ item: TextItem; structure: string[] }> = [];
  for (const item of items) {
    if ('str' in item) out.push({ item, structure: structureOf.get(open.findLast((id) => id !== undefined) ?? '') ?? [] });
    else if (item.type === 'endMarkedContent') open.pop();
    // pdfjs gives a marked content without MCID the id null.
    else open.push(item.type === 'beginMarkedContentProps' ? item.id ?? undefined : undefined);
  }
  return out;
}

function toRun(item: TextItem, structure: string[], fonts: Map<string, PdfFont>, pageLeft: number, pageTop: number): TextRun {
  const [scaleX, , , scaleY, x, y] = item.transform;
  const xMm = (x - pageLeft) * MM_PER_PT;
  return {
    text: item.str,
    xMm,
    endMm: xMm + item.width * MM_PER_PT,
    baselineMm: (pageTop - y) * MM_PER_PT,
    sizePt: Math.abs(scaleY || scaleX),
    font: fonts.get(item.fontName) ?? { id: item.fontName, name: '', type: 'unknown', embedded: false },
    structure,
  };
}
