/**
 * Text → the input's non-blank lines, each with its raw position, then the
 * character-level clean-up every line gets (invisible characters, broken
 * HTML entities, Markdown escapes of a re-imported cleaned file).
 */
import { HAN } from '../structure/chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';

/**
 * Lines split on CRLF, LF or a lone CR. Blank lines carry nothing: scraped
 * text separates paragraphs by zero to three of them, so structure is read
 * from the lines' text, never from the gaps.
 */
export function splitLines(text: string, firstLine = 1): SourceLine[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, index) => {
    if (raw.trim() === '') return [];
    const indent = raw.length - raw.trimStart().length;
    return [{ text: raw.trim(), line: firstLine + index, column: indent + 1 }];
  });
}

/** Characters that print nothing: zero-width ones, and C0 controls (NUL…) that no text holds but a careless copy keeps. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Entities that survive a careless HTML → text conversion, with what they stand for. */
const ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', sp: ' ',
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·',
};
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/** Backslash escapes as remark-stringify writes them (only before ASCII punctuation). */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const ATX_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/;
const HTML_COMMENT = /^<!--.*-->$/;
/** A rule drawn with characters (---, ===, ***, ———): decoration, not text. */
const SEPARATOR_LINE = /^(?:[-=*_~—─━＝]\s*){3,}$/;

export interface CleanOptions {
  /** The input is Markdown: `#` markers give depth, escapes are undone silently. */
  markdown: boolean;
}

/**
 * Character clean-up of each line, in place. Lines that were nothing but
 * invisible characters or markup are dropped; the rest are returned.
 */
export function cleanCharacters(lines: SourceLine[], ledger: Ledger, options: CleanOptions): SourceLine[] {
  return lines.filter((line) => {
    if (HTML_COMMENT.test(line.text) || SEPARATOR_LINE.test(line.text)) {
      ledger.drop(line, 'import:markup', HTML_COMMENT.test(line.text) ? 'an HTML comment' : 'a separator line');
      return false;
    }
    const heading = ATX_HEADING.exec(line.text);
    if (heading) {
      line.depth = heading[1].length;
      line.text = heading[2];
    }
    if (options.markdown) line.text = line.text.replace(ENTITY, decodeEntity).replace(MARKDOWN_ESCAPE, '$1');
    removeInvisible(line, ledger);
    if (!options.markdown) decodeEntities(line, ledger);
    line.text = line.text.replace(/\s+/g, (space) => (/[\u3000]/.test(space) ? space : ' ')).trim();
    if (line.text === '') {
      ledger.drop(line, 'import:invisible', 'a line of invisible characters or entities only');
      return false;
    }
    return true;
  });
}

function removeInvisible(line: SourceLine, ledger: Ledger): void {
  const first = line.text.search(INVISIBLE);
  if (first < 0) return;
  line.text = line.text.replace(INVISIBLE, '');
  if (line.text.trim() !== '') ledger.rewrite(line, 'import:zero-width', 'Removed zero-width or control characters', line.column + first);
}

function decodeEntities(line: SourceLine, ledger: Ledger): void {
  const first = line.text.search(ENTITY);
  if (first < 0) return;
  const before = line.text;
  line.text = line.text.replace(ENTITY, (whole: string, name: string, offset: number, text: string) => {
    const decoded = decodeEntity(whole, name);
    // A space entity inside Chinese text is layout (indentation, padding), not a word break.
    const besideHan = HAN.test(text[offset - 1] ?? '') || HAN.test(text[offset + whole.length] ?? '');
    return decoded === ' ' && besideHan ? '' : decoded;
  });
  if (line.text !== before && line.text.trim() !== '') {
    ledger.rewrite(line, 'import:entity', `Decoded HTML entities left in the text (${before.match(ENTITY)?.join(' ')})`, line.column + first);
  }
}
