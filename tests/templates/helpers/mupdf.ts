/**
 * What MuPDF sees on a page of a PDF, in mm from the paper's top-left corner:
 * the glyphs (`mutool draw -F stext`) with their em boxes and colours, and
 * the filled shapes (`mutool trace`) with their bounding boxes and colours.
 */
import { execFileSync } from 'node:child_process';
import { MM_PER_PT } from '../../../scripts/standard/gbt9704.ts';

export interface Glyph {
  char: string;
  font: string;
  sizeMm: number;
  xMm: number;
  baselineMm: number;
  /**
   * Top of the em box, as `gongwen check` takes it: the font's ascent and
   * descent scaled to one em around the baseline (scripts/check/lines.ts).
   */
  emTopMm: number;
  color: string;
}

export interface Fill {
  color: string;
  topMm: number;
  bottomMm: number;
  leftMm: number;
  rightMm: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const decode = (text: string) => text.replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function glyphs(pdf: string, page: number): Glyph[] {
  const xml = execFileSync('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', pdf, String(page)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Glyph[] = [];
  let font = '';
  let size = 0;
  for (const [tag] of xml.matchAll(/<(font|char) [^>]*>/g)) {
    if (tag.startsWith('<font')) {
      font = attr(tag, 'name');
      size = Number(attr(tag, 'size'));
      continue;
    }
    const quad = attr(tag, 'quad').split(' ').map(Number);
    const baseline = Number(attr(tag, 'y'));
    const [top, bottom] = [quad[1], quad[5]];
    const ascent = bottom > top ? (baseline - top) / (bottom - top) : 0.88;
    out.push({
      char: decode(attr(tag, 'c')),
      font,
      sizeMm: size * MM_PER_PT,
      xMm: Number(attr(tag, 'x')) * MM_PER_PT,
      baselineMm: baseline * MM_PER_PT,
      emTopMm: (baseline - size * ascent) * MM_PER_PT,
      color: attr(tag, 'color').toLowerCase(),
    });
  }
  return out;
}

/** "r g b" in 0–1 as MuPDF prints it → #rrggbb. */
function hexColor(components: string): string {
  const values = components.trim().split(/\s+/).map(Number);
  const rgb = values.length === 1 ? [values[0], values[0], values[0]] : values;
  return `#${rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
}

export function fills(pdf: string, page: number): Fill[] {
  const xml = execFileSync('mutool', ['trace', pdf, String(page)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Fill[] = [];
  for (const [, tag, body] of xml.matchAll(/<fill_path ([^>]*)>([\s\S]*?)<\/fill_path>/g)) {
    const [a, b, c, d, e, f] = attr(tag, 'transform').split(' ').map(Number);
    const points = [...body.matchAll(/x="([^"]+)" y="([^"]+)"/g)].map(([, x, y]) => [a * +x + c * +y + e, b * +x + d * +y + f]);
    if (points.length === 0) continue;
    const xs = points.map((p) => p[0] * MM_PER_PT);
    const ys = points.map((p) => p[1] * MM_PER_PT);
    out.push({ color: hexColor(attr(tag, 'color')), topMm: Math.min(...ys), bottomMm: Math.max(...ys), leftMm: Math.min(...xs), rightMm: Math.max(...xs) });
  }
  return out;
}

/** Two #rrggbb colours, equal but for the rounding of their components in the PDF. */
export function sameColor(a: string, b: string, tolerance = 2): boolean {
  const parse = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [parse(a), parse(b)];
  return x.every((v, i) => Math.abs(v - y[i]) <= tolerance);
}

/** Glyphs grouped into lines by their baseline, top down, each with its text. */
export function glyphLines(all: Glyph[]): Array<{ text: string; glyphs: Glyph[] }> {
  const byBaseline = new Map<string, Glyph[]>();
  for (const glyph of all) {
    const key = glyph.baselineMm.toFixed(1);
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), glyph]);
  }
  return [...byBaseline.values()]
    .sort((a, b) => a[0].baselineMm - b[0].baselineMm)
    .map((line) => ({ text: line.map((g) => g.char).join(''), glyphs: line }));
}
