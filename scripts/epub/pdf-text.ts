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
import { loadPdf } from '../render/pdf-document.ts';

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

/** Bytes PDF 32000 7.2.2 calls white space and delimiters. */
const WHITE = new Uint8Array(256);
const DELIMITER = new Uint8Array(256);
for (const byte of [0, 9, 10, 12, 13, 32]) WHITE[byte] = DELIMITER[byte] = 1;
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

const code = (char: string) => char.charCodeAt(0);
const [PERCENT, OPEN, CLOSE, LESS, GREATER, SLASH, BACKSLASH, CR, LF] = ['%', '(', ')', '<', '>', '/', '\\', '\r', '\n'].map(code);
const ESCAPES: Record<number, number> = { [code('n')]: 10, [code('r')]: 13, [code('t')]: 9, [code('b')]: 8, [code('f')]: 12 };
const isDigit = (byte: number) => byte >= 48 && byte <= 57;
const isOctal = (byte: number) => byte >= 48 && byte <= 55;

/** The operators text reading acts on, keyed by their bytes as a number. */
const OPERATORS = new Map(['BT', 'ET', 'Tf', 'Tj', 'TJ', "'", '"', 'Do', 'BI'].map((operator) => [[...operator].reduce((key, char) => key * 256 + code(char), 0), operator]));

function hexValue(byte: number): number {
  if (isDigit(byte)) return byte - 48;
  if (byte >= 65 && byte <= 70) return byte - 55;
  if (byte >= 97 && byte <= 102) return byte - 87;
  return -1;
}

/**
 * Reads text out of a content stream, byte by byte: strings are decoded with
 * the font of the moment (a string's operator always follows it, after any
 * Tf) and handed to their operator with its last name operand; numbers,
 * arrays and dictionaries are skipped.
 */
class ContentScanner {
  /** Where scanning resumes. */
  #at = 0;
  #pending = '';
  /** Where the last name operand is in the bytes, read only by the operators that use it. */
  #name: [number, number] = [0, 0];
  #code = 0;
  #codeLength = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.#at >= this.bytes.length;
  }

  /**
   * Calls `onOperator` for each operator ("other" for those text reading
   * ignores) with the text of its string operands and its last name operand,
   * until `stop()` holds after one, or the stream ends; the next call goes on
   * from there.
   */
  scan(fontOf: () => FontDecoder, onOperator: (operator: string, text: string, name: () => string) => void, stop: () => boolean = () => false): void {
    const { bytes } = this;
    let i = this.#at;
    while (i < bytes.length) {
      const byte = bytes[i];
      if (WHITE[byte]) {
        i++;
      } else if (byte === PERCENT) {
        while (i < bytes.length && bytes[i] !== CR && bytes[i] !== LF) i++;
      } else if (byte === OPEN) {
        i = this.#literal(i + 1, fontOf());
      } else if (byte === LESS && bytes[i + 1] === LESS) {
        i += 2;
      } else if (byte === LESS) {
        i = this.#hex(i + 1, fontOf());
      } else if (byte === SLASH) {
        let end = i + 1;
        while (end < bytes.length && !DELIMITER[bytes[end]]) end++;
        this.#name = [i + 1, end];
        i = end;
      } else if (DELIMITER[byte]) {
        i++; // >> [ ] { }
      } else {
        let end = i + 1;
        while (end < bytes.length && !DELIMITER[bytes[end]]) end++;
        // Numbers (and true, false, null) are operands this reader has no use for; operators are 1 to 3 characters.
        const numeric = isDigit(byte) || byte === 43 || byte === 45 || byte === 46;
        if (!numeric && end - i <= 3) {
          let key = 0;
          for (let at = i; at < end; at++) key = key * 256 + bytes[at];
          const operator = OPERATORS.get(key) ?? 'other';
          if (operator === 'BI') {
            // An inline image: its data runs to "EI" and is no text.
            while (end + 1 < bytes.length && !(WHITE[bytes[end - 1]] && bytes[end] === 69 && bytes[end + 1] === 73)) end++;
            end += 2;
          } else {
            const [from, to] = this.#name;
            onOperator(operator, this.#pending, () => String.fromCharCode(...bytes.subarray(from, to)));
            this.#pending = '';
            this.#name = [0, 0];
            if (stop()) {
              this.#at = end;
              return;
            }
          }
        }
        i = end;
      }
    }
    this.#at = i;
  }

  /** One byte of a string: a whole code (one byte, or two for CID fonts) adds its text. */
  #add(font: FontDecoder, byte: number): void {
    this.#code = (this.#code << 8) | byte;
    if (++this.#codeLength < font.bytes) return;
    this.#pending += font.map.get(this.#code) ?? '';
    this.#code = 0;
    this.#codeLength = 0;
  }

  #endString(): void {
    this.#code = 0;
    this.#codeLength = 0;
  }

  #literal(start: number, font: FontDecoder): number {
    const { bytes } = this;
    let depth = 1;
    let i = start;
    while (i < bytes.length) {
      const byte = bytes[i++];
      if (byte === BACKSLASH) {
        const next = bytes[i++];
        if (next in ESCAPES) this.#add(font, ESCAPES[next]);
        else if (isOctal(next)) {
          let octal = next - 48;
          for (let digits = 1; digits < 3 && isOctal(bytes[i]); digits++) octal = octal * 8 + (bytes[i++] - 48);
          this.#add(font, octal & 0xff);
        } else if (next === CR) {
          if (bytes[i] === LF) i++; // a line continuation
        } else if (next !== LF) this.#add(font, next);
        continue;
      }
      if (byte === OPEN) depth++;
      if (byte === CLOSE && --depth === 0) break;
      this.#add(font, byte);
    }
    this.#endString();
    return i;
  }

  #hex(start: number, font: FontDecoder): number {
    const { bytes } = this;
    let i = start;
    let high = -1;
    for (; i < bytes.length && bytes[i] !== GREATER; i++) {
      const digit = hexValue(bytes[i]);
      if (digit < 0) continue; // white space
      if (high < 0) {
        high = digit;
      } else {
        this.#add(font, (high << 4) | digit);
        high = -1;
      }
    }
    if (high >= 0) this.#add(font, high << 4); // an odd last digit is followed by 0
    this.#endString();
    return i + 1;
  }
}

/**
 * A page's text runs (one per text object), read from its content as they
 * are asked for: a page's start in the EPUB needs its first few runs, and the
 * rest of a page's content, most of the bytes, is not scanned for it.
 * Form XObjects the page paints (`Do`) are read whole where they are painted.
 */
export class PageText {
  readonly #runs: string[] = [];
  readonly #scanner: ContentScanner;
  #font = NO_FONT;
  #run: string | undefined;

  constructor(
    private readonly reader: PageTextReader,
    content: Uint8Array,
    private readonly resources: PDFDict | undefined,
    private readonly depth = 0,
  ) {
    this.#scanner = new ContentScanner(content);
  }

  /** The run at `index`, or undefined past the last one (as an array's at()). */
  at(index: number): string | undefined {
    while (index >= this.#runs.length && !this.#scanner.done) this.#read(index + 1);
    return this.#runs[index];
  }

  all(): string[] {
    if (!this.#scanner.done) this.#read(Infinity);
    return [...this.#runs];
  }

  /** Reads on until there are `count` runs or the content ends. */
  #read(count: number): void {
    this.#scanner.scan(
      () => this.#font,
      (operator, text, name) => {
        switch (operator) {
          case 'BT':
            this.#run = '';
            break;
          case 'ET':
            if (this.#run) this.#runs.push(this.#run);
            this.#run = undefined;
            break;
          case 'Tf':
            this.#font = this.reader.font(this.resources, name());
            break;
          case 'Tj':
          case 'TJ':
          case "'":
          case '"':
            this.#run = (this.#run ?? '') + text;
            break;
          case 'Do':
            if (this.depth < 8) this.#runs.push(...this.reader.form(this.resources, name(), this.depth + 1));
            break;
        }
      },
      () => this.#runs.length >= count,
    );
  }
}

class PageTextReader {
  readonly #fonts = new Map<PDFObject, FontDecoder>();

  constructor(private readonly pdf: PDFDocument) {}

  font(resources: PDFDict | undefined, name: string): FontDecoder {
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

  /** The runs of the form XObject `name`, none if it is not one. */
  form(resources: PDFDict | undefined, name: string, depth: number): string[] {
    const xobject = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.lookup(PDFName.of(name));
    if (!(xobject instanceof PDFStream) || xobject.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Form')) return [];
    const own = xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
    return new PageText(this, streamBytes(xobject), own ?? resources, depth).all();
  }
}

function contentStreams(pdf: PDFDocument, contents: PDFObject | undefined): PDFStream[] {
  if (contents instanceof PDFStream) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().map((item) => pdf.context.lookup(item, PDFStream));
  return [];
}

const NEWLINE = Buffer.from('\n');

/**
 * The text of every page of a PDF, read as it is asked for (see PageText):
 * from its bytes, or from the document the build loaded already to finish it
 * (a 166-page PDF takes pdf-lib 0.06–0.08 s to parse).
 */
export async function pdfPageTexts(printed: Uint8Array | PDFDocument): Promise<PageText[]> {
  const pdf = printed instanceof PDFDocument ? printed : await loadPdf(printed);
  const reader = new PageTextReader(pdf);
  return pdf.getPages().map((page) => {
    // A page's content may be split over several streams, which join into one.
    const content = Buffer.concat(contentStreams(pdf, page.node.Contents()).flatMap((stream) => [streamBytes(stream), NEWLINE]));
    return new PageText(reader, content, page.node.Resources());
  });
}
