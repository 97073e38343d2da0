/**
 * The text of each page of a PDF, in content-stream order, read with pdf-lib
 * (which the finish stage loads anyway) instead of pdf.js, whose first load
 * alone costs more than the whole EPUB stage. Only what a page-list needs:
 * the characters of each text object (BT … ET), mapped to Unicode through the
 * fonts' ToUnicode CMaps, as every font Chromium writes has one. A font
 * without one reads as no text, and its page is reported by the caller as
 * not found.
 */
import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFObject } from 'pdf-lib';

/** A font's decoder: the code length in bytes and code → text. */
interface FontDecoder {
  bytes: number;
  map: Map<number, string>;
}

const NO_FONT: FontDecoder = { bytes: 1, map: new Map() };

function streamBytes(stream: PDFStream): Uint8Array {
  if (!(stream instanceof PDFRawStream)) return stream.getContents();
  // Node's zlib for the common case: pdf-lib's own inflate is JavaScript, several times slower.
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Big-endian hex → UTF-16BE text, as CMaps write their targets. */
function utf16Hex(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap (PDF 32000 9.10.3): its bfchar and bfrange entries, and its code length. */
export function parseToUnicode(cmap: string): FontDecoder {
  const map = new Map<number, string>();
  const codespace = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytes = codespace ? codespace[1].length / 2 : 2;
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(Number.parseInt(code, 16), utf16Hex(text));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const first = Number.parseInt(low, 16);
      const last = Number.parseInt(high, 16);
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F]*)>/g)].forEach(([, text], index) => map.set(first + index, utf16Hex(text)));
        continue;
      }
      // The last UTF-16 unit is incremented along the range.
      const start = utf16Hex(target.slice(1, -1));
      for (let code = first; code <= last; code++) {
        map.set(code, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + (code - first)));
      }
    }
  }
  return { bytes, map };
}

/** A content stream's tokens: operators, operands we need (strings, names), and the rest skipped. */
type Token = { op: string } | { str: Uint8Array } | { name: string } | { other: true };

const DELIMITER = /[\s()<>[\]{}/%]/;

function literalString(source: string, start: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 1;
  let i = start;
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  while (i < source.length) {
    const char = source[i++];
    if (char === '\\') {
      const next = source[i++];
      if (next in escapes) bytes.push(escapes[next]);
      else if (/[0-7]/.test(next)) {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(source[i])) octal += source[i++];
        bytes.push(Number.parseInt(octal, 8) & 0xff);
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && source[i] === '\n') i++;
      } else bytes.push(next.charCodeAt(0));
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) break;
    bytes.push(char.charCodeAt(0));
  }
  return { bytes, end: i };
}

function* tokens(source: string): Generator<Token> {
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === '%') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '(') {
      const { bytes, end } = literalString(source, i + 1);
      i = end;
      yield { str: Uint8Array.from(bytes) };
    } else if (char === '<' && source[i + 1] === '<') {
      i += 2;
      yield { other: true };
    } else if (char === '>' && source[i + 1] === '>') {
      i += 2;
      yield { other: true };
    } else if (char === '<') {
      const end = source.indexOf('>', i);
      const hex = source.slice(i + 1, end).replace(/\s/g, '');
      i = end + 1;
      yield { str: Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')) };
    } else if (char === '[' || char === ']' || char === '{' || char === '}') {
      i++;
      yield { other: true };
    } else if (char === '/') {
      let end = i + 1;
      while (end < source.length && !DELIMITER.test(source[end])) end++;
      yield { name: source.slice(i + 1, end) };
      i = end;
    } else {
      let end = i + 1;
      while (end < source.length && !DELIMITER.test(source[end])) end++;
      const word = source.slice(i, end);
      i = end;
      if (/^[+\-.\d]/.test(word) || word === 'true' || word === 'false' || word === 'null') {
        yield { other: true };
      } else if (word === 'BI') {
        // An inline image: its data runs to "EI" and is no text.
        const data = source.indexOf('EI', i);
        i = data < 0 ? source.length : data + 2;
      } else {
        yield { op: word };
      }
    }
  }
}

function decode(font: FontDecoder, bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
    let code = 0;
    for (let b = 0; b < font.bytes; b++) code = (code << 8) | bytes[i + b];
    text += font.map.get(code) ?? '';
  }
  return text;
}

class PageTextReader {
  readonly #fonts = new Map<PDFObject, FontDecoder>();

  constructor(private readonly pdf: PDFDocument) {}

  #font(resources: PDFDict | undefined, name: string): FontDecoder {
    const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const ref = fonts?.get(PDFName.of(name));
    if (!ref) return NO_FONT;
    let decoder = this.#fonts.get(ref);
    if (!decoder) {
      const toUnicode = this.pdf.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
      decoder = toUnicode ? parseToUnicode(latin1(streamBytes(toUnicode))) : NO_FONT;
      this.#fonts.set(ref, decoder);
    }
    return decoder;
  }

  /** The runs of one content stream, following form XObjects it paints (`Do`). */
  read(content: string, resources: PDFDict | undefined, runs: string[], depth = 0): void {
    let font = NO_FONT;
    let run: string | undefined;
    let operands: Token[] = [];
    for (const token of tokens(content)) {
      if (!('op' in token)) {
        operands.push(token);
        continue;
      }
      switch (token.op) {
        case 'BT':
          run = '';
          break;
        case 'ET':
          if (run) runs.push(run);
          run = undefined;
          break;
        case 'Tf': {
          const name = operands.find((operand) => 'name' in operand);
          if (name && 'name' in name) font = this.#font(resources, name.name);
          break;
        }
        case 'Tj':
        case 'TJ':
        case "'":
        case '"':
          for (const operand of operands) if ('str' in operand) run = (run ?? '') + decode(font, operand.str);
          break;
        case 'Do': {
          const name = operands.find((operand) => 'name' in operand);
          if (name && 'name' in name && depth < 8) this.#form(resources, name.name, runs, depth + 1);
          break;
        }
      }
      operands = [];
    }
  }

  #form(resources: PDFDict | undefined, name: string, runs: string[], depth: number): void {
    const xobject = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.lookup(PDFName.of(name));
    if (!(xobject instanceof PDFStream) || xobject.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Form')) return;
    const own = xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
    this.read(latin1(streamBytes(xobject)), own ?? resources, runs, depth);
  }
}

function contentStreams(pdf: PDFDocument, contents: PDFObject | undefined): PDFStream[] {
  if (contents instanceof PDFStream) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().map((item) => pdf.context.lookup(item, PDFStream));
  return [];
}

/** The text runs (one per text object) of every page of a PDF, in content-stream order. */
export async function pdfPageRuns(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const reader = new PageTextReader(pdf);
  return pdf.getPages().map((page) => {
    const runs: string[] = [];
    // A page's content may be split over several streams, which join into one.
    const content = contentStreams(pdf, page.node.Contents()).map((stream) => latin1(streamBytes(stream))).join('\n');
    reader.read(content, page.node.Resources(), runs);
    return runs;
  });
}
