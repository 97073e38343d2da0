/**
 * An independent measurement of glyph positions: MuPDF's structured text
 * (`mutool draw -F stext`), one character at a time, grouped into lines by
 * baseline here. Used to cross-check what `gongwen check` reads through pdfjs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MM_PER_PT } from '../../scripts/standard/gbt9704.ts';

export interface MutoolLine {
  page: number;
  text: string;
  baselineMm: number;
  /** Left of the first glyph's quad, right of the last one's. */
  startMm: number;
  endMm: number;
  /** Top of the first glyph's quad (MuPDF spans the font's ascender). */
  topMm: number;
}

interface MutoolChar { page: number; c: string; x0: number; x1: number; top: number; y: number }

export async function mutoolLines(pdf: string): Promise<MutoolLine[]> {
  const { stdout } = await promisify(execFile)('mutool', ['draw', '-F', 'stext', '-o', '-', pdf], { maxBuffer: 256 * 1024 * 1024 });
  return groupByBaseline(parseChars(stdout));
}

function parseChars(xml: string): MutoolChar[] {
  const chars: MutoolChar[] = [];
  let page = 0;
  for (const [tag] of xml.matchAll(/<page |<char [^>]*>/g)) {
    if (tag === '<page ') {
      page++;
      continue;
    }
    const attribute = (name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))![1];
    const quad = attribute('quad').split(' ').map(Number);
    chars.push({ page, c: decodeXml(attribute('c')), x0: quad[0], x1: quad[2], top: quad[1], y: Number(attribute('y')) });
  }
  return chars;
}

function decodeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|\w+);/gi, (_, entity: string) =>
    entity.startsWith('#x') ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1)))
        : named[entity],
  );
}

function groupByBaseline(chars: MutoolChar[]): MutoolLine[] {
  const lines = new Map<string, MutoolChar[]>();
  for (const char of chars) {
    const key = `${char.page}:${char.y.toFixed(1)}`;
    lines.set(key, [...(lines.get(key) ?? []), char]);
  }
  return [...lines.values()]
    .map((line) => line.sort((a, b) => a.x0 - b.x0))
    .map((line) => ({
      page: line[0].page,
      text: line.map((char) => char.c).join(''),
      baselineMm: line[0].y * MM_PER_PT,
      startMm: line[0].x0 * MM_PER_PT,
      endMm: line.at(-1)!.x1 * MM_PER_PT,
      topMm: line[0].top * MM_PER_PT,
    }))
    .sort((a, b) => a.page - b.page || a.baselineMm - b.baselineMm);
}
