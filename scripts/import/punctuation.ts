/**
 * GB/T 15834 punctuation, only where the text is Chinese: a half-width
 * , : ; ! ? ( ) touching Chinese text becomes its full-width form and "…"
 * around Chinese text becomes “…”, while numbers (1,000 · 09:45), Latin
 * text, URLs and dates stay as they are.
 * Empty brackets (【】 left by a removed link) are removed.
 */
import { HAN } from '../structure/chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Han, CJK punctuation and full-width forms, Chinese quotes and dashes. */
const CHINESE = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E“”‘’《》〈〉…—·]/u;
/** Full-width marks that never take a space beside them. */
const SPACED_MARK = /[，。、；：！？（）《》“”‘’【】]/;
/** Spans that are never Chinese text, whatever surrounds them. */
const PROTECTED = /(?:https?|ftp):\/\/[!-~]+|www\.[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function protectedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(PROTECTED)].map((match) => [match.index, match.index + match[0].length]);
}

function isProtected(ranges: Array<[number, number]>, index: number): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}

/** The nearest character before / after index that is not an ASCII space. */
function neighbour(chars: string[], index: number, step: -1 | 1): string {
  for (let at = index + step; at >= 0 && at < chars.length; at += step) if (chars[at] !== ' ') return chars[at];
  return '';
}

function inChineseContext(chars: string[], index: number): boolean {
  return CHINESE.test(neighbour(chars, index, -1)) || CHINESE.test(neighbour(chars, index, 1));
}

/** Index pairs of matching brackets, half- or full-width, on one line. */
function bracketPairs(chars: string[]): Array<[number, number]> {
  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  chars.forEach((char, index) => {
    if (char === '(' || char === '（') open.push(index);
    else if ((char === ')' || char === '）') && open.length > 0) pairs.push([open.pop()!, index]);
  });
  return pairs;
}

export interface PunctuationResult {
  text: string;
  /** 0-based index (code points) of the first change, or -1. */
  firstChange: number;
  /** What changed, for the report: ", → ，  ( → （  spaces". */
  changed: string;
}

/** Indexes of half-width marks that stand in Chinese text. */
function marksInChineseText(chars: string[], isProtectedAt: (index: number) => boolean): Set<number> {
  const marks = new Set<number>();
  for (const [openIndex, closeIndex] of bracketPairs(chars)) {
    if (isProtectedAt(openIndex) || isProtectedAt(closeIndex)) continue;
    const inside = chars.slice(openIndex + 1, closeIndex).join('');
    const chinese = HAN.test(inside) || CHINESE.test(neighbour(chars, openIndex, -1)) || CHINESE.test(neighbour(chars, closeIndex, 1));
    if (chinese) for (const index of [openIndex, closeIndex]) if (chars[index] in FULL_WIDTH) marks.add(index);
  }
  // A mark beside one that turns full-width is in Chinese text too (“,!的”): repeat until no mark
  // turns, so that the result is already what a second pass would make of it.
  for (let turned = true; turned; ) {
    turned = false;
    const seen = chars.map((char, index) => (marks.has(index) ? FULL_WIDTH[char] : char));
    chars.forEach((char, index) => {
      if (!/[,:;!?]/.test(char) || marks.has(index) || isProtectedAt(index)) return;
      // A colon or comma between digits is a time, a ratio or a thousands separator.
      if (/\d/.test(chars[index - 1] ?? '') && /\d/.test(chars[index + 1] ?? '')) return;
      if (!inChineseContext(seen, index)) return;
      marks.add(index);
      turned = true;
    });
  }
  return marks;
}

/**
 * Straight double quotes around Chinese text as “ ”: paired in order, and only
 * when the line holds them in pairs (an odd one out leaves the line alone).
 */
function quotesInChineseText(chars: string[], isProtectedAt: (index: number) => boolean): Map<number, string> {
  const quotes = new Map<number, string>();
  const straight = chars.flatMap((char, index) => (char === '"' && !isProtectedAt(index) ? [index] : []));
  if (straight.length % 2 !== 0) return quotes;
  for (let pair = 0; pair < straight.length; pair += 2) {
    const [open, close] = [straight[pair], straight[pair + 1]];
    if (!HAN.test(chars.slice(open + 1, close).join(''))) continue;
    quotes.set(open, '“');
    quotes.set(close, '”');
  }
  return quotes;
}

/** Full-width punctuation where the text is Chinese; full-width marks take no space beside them. */
export function normalisePunctuation(text: string): PunctuationResult {
  const chars = [...text];
  const ranges = protectedRanges(text);
  // Ranges are in UTF-16 units; map code-point indexes to them.
  const offsets: number[] = [];
  chars.reduce((offset, char) => (offsets.push(offset), offset + char.length), 0);
  const isProtectedAt = (index: number) => isProtected(ranges, offsets[index]);
  const quotes = quotesInChineseText(chars, isProtectedAt);
  for (const [index, quote] of quotes) chars[index] = quote;
  const marks = marksInChineseText(chars, isProtectedAt);
  const conversions = new Set([...marks].map((index) => `${chars[index]} → ${FULL_WIDTH[chars[index]]}`));
  for (const index of marks) chars[index] = FULL_WIDTH[chars[index]];
  const spaces = chars.flatMap((char, index) =>
    char === ' ' && !isProtectedAt(index) && (SPACED_MARK.test(chars[index - 1] ?? '') || SPACED_MARK.test(chars[index + 1] ?? '')) ? [index] : [],
  );
  if (quotes.size === 0 && marks.size === 0 && spaces.length === 0) return { text, firstChange: -1, changed: '' };
  const dropped = new Set(spaces);
  return {
    text: chars.filter((_, index) => !dropped.has(index)).join(''),
    firstChange: Math.min(...quotes.keys(), ...marks, ...spaces),
    changed: [...(quotes.size > 0 ? ['" → “ ”'] : []), ...conversions, ...(spaces.length > 0 ? ['spaces beside full-width marks removed'] : [])].join('  '),
  };
}

const EMPTY_BRACKETS = /【\s*】|\[\s*\]|（\s*）|\(\s*\)|〔\s*〕/g;
/** Two horizontal bars (U+2015) used for the dash of GB/T 15834 (two U+2014). */
const HORIZONTAL_BARS = /\u2015\u2015/g;

/** Apply the punctuation rules to each line, reporting every line changed. */
export function normaliseLinesPunctuation(lines: SourceLine[], ledger: Ledger): void {
  for (const line of lines) {
    const empty = line.text.search(EMPTY_BRACKETS);
    if (empty >= 0) {
      line.text = line.text.replace(EMPTY_BRACKETS, '');
      ledger.rewrite(line, 'import:empty-bracket', 'Removed empty brackets (a link or mark the copy lost)', line.column + empty);
    }
    const bars = line.text.search(HORIZONTAL_BARS);
    if (bars >= 0) {
      line.text = line.text.replace(HORIZONTAL_BARS, '——');
      ledger.rewrite(line, 'import:dash', 'Rewrote the dash ―― (U+2015) as —— (U+2014)', line.column + bars);
    }
    const result = normalisePunctuation(line.text);
    if (result.firstChange >= 0) {
      line.text = result.text;
      ledger.rewrite(line, 'import:punctuation', `Rewrote punctuation in Chinese text per GB/T 15834: ${result.changed}`, line.column + result.firstChange);
    }
  }
}

/**
 * The text of lines joined into one paragraph, with the punctuation rules run
 * again across the joins (a mark at the start of a line may touch Chinese
 * only once joined), so a cleaned file imports unchanged.
 */
export function joinWithPunctuation(lines: SourceLine[], ledger: Ledger): string {
  const joined = lines.map((line) => line.text).join('');
  const result = normalisePunctuation(joined);
  if (result.firstChange < 0) return joined;
  let offset = 0;
  const changedLine = lines.find((line) => (offset += [...line.text].length) > result.firstChange) ?? lines[lines.length - 1];
  ledger.rewrite(changedLine, 'import:punctuation', `Rewrote punctuation across a joined line per GB/T 15834: ${result.changed}`);
  return result.text;
}
