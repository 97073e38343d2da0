import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseToUnicode, pdfPageTexts } from '../../scripts/epub/pdf-text.ts';

const CMAP = `/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <4EBA>
<0004> <D840DC00>
endbfchar
2 beginbfrange
<0010> <0012> <6C11>
<0020> <0021> [<5927> <4F1A>]
endbfrange
endcmap`;

describe('parseToUnicode', () => {
  it('reads bfchar entries, incrementing ranges, listed ranges and surrogate pairs', () => {
    const { bytes, map } = parseToUnicode(CMAP);
    expect(bytes).toBe(2);
    expect(Object.fromEntries(map)).toEqual({ 3: '人', 4: '𠀀', 16: '民', 17: '氒', 18: '氓', 32: '大', 33: '会' });
  });

  it('takes the code length from the codespace range', () => {
    expect(parseToUnicode('begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <0041> endbfchar').bytes).toBe(1);
  });
});

/** A one-page PDF whose text is shown by the given content stream, with font F1 mapped by CMAP and a form XObject X1. */
async function pdfWith(content: string, form: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const { context } = pdf;
  const font = context.register(context.obj({ Type: 'Font', Subtype: 'Type0', ToUnicode: context.register(context.flateStream(CMAP)) }));
  const xobject = context.register(context.flateStream(form, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 100, 100], Resources: { Font: { F1: font } } }));
  const page = pdf.addPage();
  page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: font }, XObject: { X1: xobject } }));
  page.node.set(PDFName.of('Contents'), context.register(context.flateStream(content)));
  return pdf.save();
}

/** Every page's runs, read whole. */
const pageRuns = async (pdf: Uint8Array | PDFDocument) => (await pdfPageTexts(pdf)).map((page) => page.all());

describe('pdfPageTexts', () => {
  it('gives one run per text object, decoding hex and literal strings, TJ arrays, marked content and form XObjects', async () => {
    const content = [
      '/P <</MCID 0 >>BDC BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0003> Tj 12 0 Td <00100011> Tj ET EMC',
      'q BT /F1 12 Tf [<0020> -250 (\\000!)] TJ ET Q % a comment (not text)',
      '/X1 Do',
    ].join('\n');
    const pdf = await pdfWith(content, 'BT /F1 10 Tf <0012> Tj ET');
    expect(await pageRuns(pdf)).toEqual([['人民氒', '大会', '氓']]);
  });

  it('reads a page only as far as its runs are asked for, and on from there', async () => {
    const content = ['BT /F1 12 Tf <0003> Tj ET', '/X1 Do', 'BT /F1 12 Tf <0020> Tj ET', 'BT /F1 12 Tf <0021> Tj ET'].join('\n');
    const [page] = await pdfPageTexts(await pdfWith(content, 'BT /F1 10 Tf <0012> Tj ET'));
    expect(page.at(0)).toBe('人');
    expect(page.at(2)).toBe('大');
    expect(page.at(1)).toBe('氓');
    expect(page.all()).toEqual(['人', '氓', '大', '会']);
    expect(page.at(4)).toBeUndefined();
  });

  it('reads the document the build finished, pages it inserted included, as it reads the saved bytes', async () => {
    const printed = await PDFDocument.load(await pdfWith('BT /F1 12 Tf <0003> Tj ET', ''));
    printed.insertPage(0); // as finishPdf puts a blank page before the 版记
    const runs = await pageRuns(printed);
    expect(runs).toEqual([[], ['人']]);
    expect(await pageRuns(await printed.save())).toEqual(runs);
  });
});
