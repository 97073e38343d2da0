/**
 * Finishes the PDF Chromium printed (which already carries the bookmarks and
 * the structure tags): document information, language and XMP metadata, with
 * pdf-lib. Dates come from SOURCE_DATE_EPOCH or the document, so the same
 * input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import { loadPdf, savePdf } from './pdf-document.ts';
import { placeRecordOnEvenPage } from './record-page.ts';
import type { FrontMatter } from '../ast/types.ts';
import { documentAuthor } from '../template/index.ts';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The date a build stamps on its outputs: SOURCE_DATE_EPOCH, else the document's own date. */
export function buildDate(meta: FrontMatter): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const day = meta.date ?? meta.published;
  return day ? new Date(`${day}T00:00:00Z`) : new Date(0);
}

function xmpPacket(meta: FrontMatter & { lang: string }, date: Date, producer: string): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const author = documentAuthor(meta);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(meta.title)}</dc:title>
   ${author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
   ${meta.description ? `<dc:description>${alt(meta.description)}</dc:description>` : ''}
   <dc:language><rdf:Bag><rdf:li>${escapeXml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:CreatorTool>gongwen</xmp:CreatorTool>
   <pdf:Producer>${escapeXml(producer)}</pdf:Producer>
   ${meta.keywords?.length ? `<pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>` : ''}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * The finished PDF: its bytes, and pdf-lib's document of it, which the EPUB
 * reads its page list from instead of parsing the bytes again.
 */
export async function finishPdf(printed: Uint8Array, meta: FrontMatter & { lang: string }): Promise<{ pdf: Uint8Array; document: PDFDocument }> {
  const pdf = await loadPdf(printed);
  placeRecordOnEvenPage(pdf, meta);
  const date = buildDate(meta);
  const producer = 'gongwen (Chromium, pdf-lib)';
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  const author = documentAuthor(meta);
  if (author) pdf.setAuthor(author);
  if (meta.description) pdf.setSubject(meta.description);
  if (meta.keywords?.length) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('gongwen');
  pdf.setProducer(producer);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const xmp = pdf.context.stream(xmpPacket(meta, date, producer), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  // The file identifier (PDF 32000 14.4) derives from the document, not from chance, so builds are reproducible.
  const id = PDFHexString.of(createHash('md5').update(`${meta.title}\n${date.toISOString()}`).digest('hex'));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return { pdf: await savePdf(pdf), document: pdf };
}
