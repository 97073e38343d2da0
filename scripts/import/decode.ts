/**
 * Bytes → text. The encoding is read from the bytes (BOM, UTF-8 validity,
 * byte statistics), never guessed from the file name.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** A problem with the input itself: reported as one line naming the file. */
export class ImportError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'ImportError';
  }
}

export interface Decoded {
  text: string;
  encoding: string;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => bytes[index] === byte)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: text in UTF-8 or a GB encoding has no NUL bytes, while
 * UTF-16 has one in every ASCII character (newlines, digits), nearly all on
 * the same side of the pair; random binary data has them on both sides.
 */
function bomlessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < bytes.length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros >= pairs * 0.01 && oddZeros >= evenZeros * 4) return 'utf-16le';
  if (evenZeros >= pairs * 0.01 && evenZeros >= oddZeros * 4) return 'utf-16be';
  return undefined;
}

/** Legacy Chinese encodings chardet may name; GB2312 and GBK are subsets of GB18030. */
function legacyEncoding(bytes: Uint8Array): string | undefined {
  const detected = chardet.detect(bytes)?.toLowerCase();
  if (detected === 'big5') return 'big5';
  if (detected && /^utf-16/.test(detected)) return detected;
  // Han text in GB18030 is what a non-UTF-8 Chinese page almost always is;
  // chardet's Japanese/Korean guesses on short GB text are frequent misses.
  const asGb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (!asGb.includes('\uFFFD')) return 'gb18030';
  return detected && iconv.encodingExists(detected) ? detected : undefined;
}

/**
 * Characters a Chinese document does not hold: controls, replacement
 * characters, lone surrogates, private-use and unassigned code points, and
 * scripts such as Hangul or Thai that wrong decodings of binary data produce.
 */
const IMPLAUSIBLE = /[\u0000-\u0008\u000E-\u001F\uFFFD\p{Cs}\p{Co}\p{Cn}]|[^\p{Script=Han}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Bopomofo}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

function implausibleShare(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(IMPLAUSIBLE)?.length ?? 0) / text.length;
}

export function decodeInput(input: Buffer | string, path: string): Decoded {
  if (typeof input === 'string') return checkText({ text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' }, path, false);
  const bytes = new Uint8Array(input);
  if (bytes.length === 0) throw new ImportError(path, 'the file is empty');
  const bom = bomEncoding(bytes);
  if (bom) return checkText({ text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding }, path, false);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return checkText({ text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 }, path, true);
  if (isValidUtf8(bytes)) return checkText({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }, path, false);
  failOnDamagedUtf8(bytes, path);
  const legacy = legacyEncoding(bytes);
  if (!legacy) throw new ImportError(path, 'not text in a known encoding (tried UTF-8, UTF-16, GB18030, Big5); convert it to UTF-8');
  return checkText({ text: iconv.decode(Buffer.from(bytes), legacy), encoding: legacy }, path, true);
}

/**
 * UTF-8 with a few bad bytes (a damaged download) is not a legacy encoding:
 * decoding it as one would turn every Chinese character into mojibake. It
 * fails at the first bad byte. GB18030 text read as UTF-8 has almost no valid
 * multi-byte sequence, so the two are told apart by the share of good ones.
 */
function failOnDamagedUtf8(bytes: Uint8Array, path: string): void {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  const good = text.match(/[^\x00-\x7F\uFFFD]/gu)?.length ?? 0;
  if (good < bad * 4) return;
  const before = text.slice(0, text.indexOf('\uFFFD')).split(/\r\n|\r|\n/);
  const place = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  throw new ImportError(path, `${place}: bytes that are not UTF-8 in a file that otherwise is; fix or remove them`);
}

/** `guessed`: the encoding was inferred, so characters no Chinese text holds suggest a wrong guess or a binary file. */
function checkText(decoded: Decoded, path: string, guessed: boolean): Decoded {
  if (decoded.text.trim() === '') throw new ImportError(path, 'the file holds no text');
  // Known encodings (BOM, valid UTF-8, text given as a string) are not doubted over private-use or Thai characters.
  const share = guessed ? implausibleShare(decoded.text) : (decoded.text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0) / decoded.text.length;
  if (share > 0.02) {
    throw new ImportError(path, `looks like a binary file, not text (decoded as ${decoded.encoding}); give a .txt, .md or .html file`);
  }
  return decoded;
}
