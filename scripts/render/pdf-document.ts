/** pdf-lib's load and save as every stage uses them, and the classes a stage loading pdf-lib lazily reads a PDF with. */
import { PDFDocument } from 'pdf-lib';

export { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';

/**
 * pdf-lib yields to other work every 100 objects it parses and every 50 it
 * writes, each time waiting for a timer (≥ 1 ms): 0.25 s of finishing a
 * 166-page PDF (4 700 objects). Every 500 still lets this process answer the
 * browser, which photographs the cover meanwhile, for a few ms in all.
 */
const OBJECTS_PER_TICK = 500;

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
}

/** Without object streams, as Chromium wrote it: a plain cross-reference table any PDF reader takes. */
export function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK });
}
