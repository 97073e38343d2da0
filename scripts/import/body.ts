/**
 * The body: blocks (headings and paragraphs) from the remaining lines.
 *
 * - Part headings (un-numbered, short, no punctuation) → depth 2; 一、 and
 *   第X章 standing alone → 3; （一） and 第X节 standing alone → 4. Numbered
 *   lines that carry text stay paragraphs.
 * - Text inside a quotation running over several paragraphs (amended
 *   provisions) is never a heading.
 * - Closing lines (附件说明, 署名, 成文日期, 附注, 抄送 / 印发) stay paragraphs;
 *   a short name after the last paragraph without a date is a site footer.
 * - After an attachment marker line (附件 / 附件1) everything is the
 *   attachment's: paragraphs only, so its 一、 never count as main sections.
 * - A line broken in mid-sentence is joined to the next.
 * - Runs of short cell-like lines are a flattened table: kept, with a warning.
 */
import { isDateLine, isoDate, length, SENTENCE_PUNCTUATION } from './chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';
import type { Meta } from './noise.ts';

export interface Block {
  kind: 'heading' | 'paragraph';
  /** Heading depth: 2 part, 3 一、 / 第X章, 4 （一） / 第X节. */
  depth?: 2 | 3 | 4;
  lines: SourceLine[];
}

const ANNEX_MARKER = /^附\s*件\s*(?:\d+|[一二三四五六七八九十]+)?\s*[:：]?$/;
const ATTACHMENT_NOTE = /^附\s*件\s*\d*\s*[:：]/;
const NOTE = /^[（(](?:此件|此页|本文|本件|此文|本页|注)[^（）()]*[）)]$/;
const COPY_LINE = /^(?:抄送|抄报|印发|分送|发送)[:：]|印发$/;
const LEVEL1 = /^(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百零〇\d]+[章编](?:\s|$))/;
const LEVEL2 = /^(?:[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百零〇\d]+节(?:\s|$))/;
const ITEM = /^(?:\d+[.．、]|[（(]\d+[）)]|[一二三四五六七八九十]+是|第[一二三四五六七八九十百零〇\d]+条)/;
/** A line that ends in the middle of a sentence. */
const CONTINUES = /[，、（《“\p{Script=Han}\p{L}\d]$/u;

function isShortPhrase(text: string): boolean {
  return length(text) <= 24 && !SENTENCE_PUNCTUATION.test(text) && !/[。]/.test(text);
}

/** A numbered heading carries nothing after its heading sentence, and is not a clause of an enumeration (；). */
function standsAlone(text: string): boolean {
  return length(text) <= 100 && !/[。！？；][^”’）]/.test(text) && !/[；，、：;,:]$/.test(text);
}

function headingDepth(line: SourceLine): 3 | 4 | undefined {
  if (!standsAlone(line.text)) return undefined;
  if (LEVEL1.test(line.text)) return 3;
  if (LEVEL2.test(line.text)) return 4;
  return undefined;
}

/** Index of the attachment marker line (附件 / 附件1 alone), if the document has attachments. */
function annexStart(lines: SourceLine[]): number {
  const index = lines.findIndex((line, position) => position > 0 && ANNEX_MARKER.test(line.text));
  return index < 0 ? lines.length : index;
}

/** Closing lines of the main text: 附件说明 (with its numbered list), 署名, 成文日期, notes, 抄送 / 印发. */
function closingLines(main: SourceLine[]): Set<SourceLine> {
  const closing = new Set<SourceLine>();
  let inAttachmentList = false;
  main.forEach((line, index) => {
    const text = line.text;
    // "附件：1.…" is followed by "2.…", "3.…": the rest of the list.
    inAttachmentList = ATTACHMENT_NOTE.test(text) || (inAttachmentList && /^\d+[.．、]/.test(text));
    const signature = isShortPhrase(text) && main.slice(index + 1, index + 3).some((next) => isDateLine(next.text));
    if (inAttachmentList || NOTE.test(text) || COPY_LINE.test(text) || isDateLine(text) || signature) closing.add(line);
  });
  return closing;
}

/** The attachment marker as the structure stage reads it: "附件" or "附件N", no spaces or colon. */
function normaliseAnnexMarker(line: SourceLine, ledger: Ledger): void {
  const marker = line.text.replace(/[\s:：]/g, '');
  if (marker === line.text) return;
  ledger.rewrite(line, 'import:attachment-marker', `Rewrote the attachment marker “${line.text}” as “${marker}”`);
  line.text = marker;
}

/**
 * What a page appends after the text: the title or a teaser repeating the
 * text (already said earlier), and short unpunctuated names with no date
 * after them (the site's name, not a 署名).
 */
function trailingNoise(line: SourceLine, earlier: SourceLine[], meta: Meta): { ruleId: string; reason: string } | undefined {
  // A teaser is the opening of an earlier paragraph cut off with "…"; a sentence said twice may be the author's own.
  const opening = /(?:…+|\.{3,})$/.test(line.text) ? line.text.replace(/(?:…+|\.{3,})$/, '') : '';
  const teaser = length(opening) >= 8 && earlier.some((other) => other.text.startsWith(opening));
  const repeated = line.text === meta.title || teaser;
  if (repeated) return { ruleId: 'import:repeated-title', reason: 'title or teaser repeated after the text' };
  if (isShortPhrase(line.text)) return { ruleId: 'import:site-footer', reason: 'site name after the text (not a 署名: no date follows)' };
  return undefined;
}

function dropTrailingNoise(main: SourceLine[], closing: Set<SourceLine>, ledger: Ledger, meta: Meta): SourceLine[] {
  let end = main.length;
  while (end > 1 && !closing.has(main[end - 1])) {
    const noise = trailingNoise(main[end - 1], main.slice(0, end - 1), meta);
    if (!noise) break;
    ledger.drop(main[end - 1], noise.ruleId, noise.reason);
    end--;
  }
  return main.slice(0, end);
}

/** The entries after a 目录 line that repeat headings further down: plain paragraphs. */
function tableOfContents(main: SourceLine[]): Set<SourceLine> {
  const entries = new Set<SourceLine>();
  const start = main.findIndex((line) => /^目\s*录$/.test(line.text));
  if (start < 0) return entries;
  entries.add(main[start]);
  for (let index = start + 1; index < main.length; index++) {
    const text = main[index].text;
    if (!main.slice(index + 1).some((later) => later.text === text)) break;
    entries.add(main[index]);
  }
  return entries;
}

/** Runs of four or more short cell-like lines: a table flattened one cell per line. */
function tableCells(lines: SourceLine[], ledger: Ledger, plain: Set<SourceLine>): Set<SourceLine> {
  const cells = new Set<SourceLine>();
  // Closing lines, a table of contents and the attachment marker are short too, but never cells.
  const isCell = (line: SourceLine) => length(line.text) <= 24 && !/[。；]$/.test(line.text) && !plain.has(line) && !ANNEX_MARKER.test(line.text);
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && isCell(lines[end])) end++;
    if (end - start >= 4) {
      ledger.warn(lines[start], 'import:flattened-table', `${end - start} short lines look like a table flattened one cell per line; kept as paragraphs in order (tables are not supported yet)`);
      for (const line of lines.slice(start, end)) cells.add(line);
    }
    start = Math.max(end, start + 1);
  }
  return cells;
}

/**
 * Numbered lines that look like headings only because a line break cut their
 * sentence ("（二）坚持不懈用" + "新时代…"): most of their siblings carry text.
 */
function brokenNumberedLines(main: SourceLine[]): Set<SourceLine> {
  const broken = new Set<SourceLine>();
  for (const marker of [LEVEL1, LEVEL2]) {
    const numbered = main.filter((line) => marker.test(line.text));
    const runIn = numbered.filter((line) => !standsAlone(line.text)).length;
    if (runIn * 2 <= numbered.length) continue;
    for (const line of numbered) if (standsAlone(line.text) && CONTINUES.test(line.text)) broken.add(line);
  }
  return broken;
}

function quoteBalance(text: string): number {
  return (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);
}

export function readBody(lines: SourceLine[], ledger: Ledger, meta: Meta): Block[] {
  const annex = annexStart(lines);
  let main = lines.slice(0, annex);
  const closing = closingLines(main);
  main = dropTrailingNoise(main, closing, ledger, meta);
  recordClosingMeta(main.filter((line) => closing.has(line)), meta);
  const contents = tableOfContents(main);
  const annexLines = lines.slice(annex);
  const plain = new Set([...closing, ...contents]);
  const cells = new Set([...tableCells(main, ledger, plain), ...tableCells(annexLines, ledger, plain)]);
  const broken = brokenNumberedLines(main);
  const blocks: Block[] = [];
  let openQuotes = 0;
  main.forEach((line, index) => {
    const inQuote = openQuotes > 0;
    openQuotes = Math.max(0, openQuotes + quoteBalance(line.text));
    if (closing.has(line) || cells.has(line) || contents.has(line)) return blocks.push({ kind: 'paragraph', lines: [line] });
    // The numbering decides the depth; a Markdown marker only marks a heading the numbering does not.
    // After a clause ending in ；, a numbered line is the next item of an enumeration, even its last one (…。).
    const inEnumeration = /[；;]$/.test(main[index - 1]?.text ?? '');
    const numbered = inQuote || inEnumeration || broken.has(line) ? undefined : headingDepth(line);
    const marked = line.depth && line.depth >= 2 && line.depth <= 4 ? (line.depth as 2 | 3 | 4) : undefined;
    if (numbered ?? marked) return blocks.push({ kind: 'heading', depth: numbered ?? marked, lines: [line] });
    const next = main[index + 1];
    if (!inQuote && isPartHeading(line, blocks.at(-1), next)) return blocks.push({ kind: 'heading', depth: 2, lines: [line] });
    const previous = blocks.at(-1);
    if (previous && (continuesInto(previous, line, cells, closing) || brokenBefore(previous, line, broken))) {
      ledger.rewrite(line, 'import:join-line', 'Joined a line broken in mid-sentence to the line before');
      previous.lines.push(line);
      return;
    }
    blocks.push({ kind: 'paragraph', lines: [line] });
  });
  if (annexLines.length > 0) normaliseAnnexMarker(annexLines[0], ledger);
  for (const line of annexLines) blocks.push({ kind: 'paragraph', lines: [line] });
  return blocks;
}

function isPartHeading(line: SourceLine, previous: Block | undefined, next: SourceLine | undefined): boolean {
  if (!next || !isShortPhrase(line.text) || length(line.text) < 4 || isDateLine(line.text)) return false;
  if (ITEM.test(line.text) || LEVEL1.test(line.text) || LEVEL2.test(line.text)) return false;
  const before = previous?.kind === 'paragraph' ? previous.lines.at(-1)!.text : '';
  return !/[，、]$/.test(before) && !isShortPhrase(next.text);
}

function continuesInto(previous: Block, line: SourceLine, cells: Set<SourceLine>, closing: Set<SourceLine>): boolean {
  if (previous.kind !== 'paragraph') return false;
  const last = previous.lines.at(-1)!;
  if (cells.has(last) || closing.has(last)) return false;
  if (ITEM.test(line.text) || headingDepth(line) || /^[“‘《（(]/.test(line.text)) return false;
  // Judged on the paragraph so far, so a cleaned file (joined paragraphs) is judged the same way again.
  const paragraph = previous.lines.map((part) => part.text).join('');
  return /[，、]$/.test(paragraph) || (CONTINUES.test(paragraph) && length(paragraph) >= 20);
}

function brokenBefore(previous: Block, line: SourceLine, broken: Set<SourceLine>): boolean {
  return previous.kind === 'paragraph' && broken.has(previous.lines.at(-1)!) && !ITEM.test(line.text) && !headingDepth(line);
}

/** 成文日期 and 署名 also go to front matter (the text stays in the body). */
function recordClosingMeta(closing: SourceLine[], meta: Meta): void {
  const dateIndex = closing.findLastIndex((line) => isDateLine(line.text));
  if (dateIndex < 0) return;
  meta.date ??= isoDate(closing[dateIndex].text);
  const signature = closing[dateIndex - 1];
  if (signature && isShortPhrase(signature.text) && !isDateLine(signature.text)) meta.author ??= signature.text;
}
