/**
 * pdf-lib's load and save as every stage uses them. Told not to yield: by
 * default pdf-lib waits for a timer (≥ 1 ms) every 100 objects it parses and
 * every 50 it writes, which made 0.25 s of finishing a 166-page PDF (4 700
 * objects) and nothing else runs meanwhile.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Without object streams, as Chromium wrote it: a plain cross-reference table any PDF reader takes. */
export function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
