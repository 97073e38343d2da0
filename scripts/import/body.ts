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
import { isDateLine, ISSUER_END, isoDate, length, SENTENCE_PUNCTUATION, SITE_END } from '../structure/chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';
import type { Meta } from './noise.ts';
import { joinWithPunctuation } from './punctuation.ts';

export interface Block {
  kind: 'heading' | 'paragraph';
  /** Heading depth: 2 part, 3 一、 / 第X章, 4 （一） / 第X节. */
  depth?: 2 | 3 | 4;
  lines: SourceLine[];
  /** Text of joined lines, when the join changed it (punctuation across the join). */
  text?: string;
}

export function blockText(block: Block): string {
  return block.text ?? block.lines.map((line) => line.text).join('');
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

function headingDepthOf(text: string): 3 | 4 | undefined {
  if (!standsAlone(text)) return undefined;
  if (LEVEL1.test(text)) return 3;
  if (LEVEL2.test(text)) return 4;
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
    // A 署名 stands right above the date, or above another 署名 line that does (two issuing bodies).
    const [next, afterNext] = [main[index + 1]?.text ?? '', main[index + 2]?.text ?? ''];
    const signature = isShortPhrase(text) && (isDateLine(next) || (isShortPhrase(next) && isDateLine(afterNext)));
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
 * text (already said earlier), and the name of a body or site with no date
 * after it (the site's name, not a 署名).
 */
function trailingNoise(line: SourceLine, earlier: SourceLine[], meta: Meta): { ruleId: string; reason: string } | undefined {
  // A teaser is the opening of an earlier paragraph cut off with "…"; a sentence said twice may be the author's own.
  const opening = /(?:…+|\.{3,})$/.test(line.text) ? line.text.replace(/(?:…+|\.{3,})$/, '') : '';
  const teaser = length(opening) >= 8 && earlier.some((other) => other.text.startsWith(opening));
  const repeated = line.text === meta.title || teaser;
  if (repeated) return { ruleId: 'import:repeated-title', reason: 'title or teaser repeated after the text' };
  const name = isShortPhrase(line.text) && (ISSUER_END.test(line.text) || SITE_END.test(line.text)) && !startsNumbered(line.text);
  if (name) return { ruleId: 'import:site-footer', reason: 'site or body name after the text (not a 署名: no date follows)' };
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

/** A line of the document after broken lines were joined: what a re-import reads as one line. */
type LogicalLine = Block & { kind: 'paragraph' };

function startsNumbered(text: string): boolean {
  return ITEM.test(text) || LEVEL1.test(text) || LEVEL2.test(text);
}

/**
 * Whether the next line continues the paragraph so far. Judged on text alone
 * (how the paragraph ends, its length, how the next line starts), so a cleaned
 * file, whose paragraphs are single lines, is judged the same way again.
 * Works on the paragraph's last line and running length: linear in the input.
 */
function continuesWith(paragraph: SourceLine[], size: number, next: string): boolean {
  if (startsNumbered(next) || /^[“‘《（(]/.test(next)) return false;
  if (size <= 100 && headingDepthOf(paragraph.map((line) => line.text).join(''))) return false;
  const tail = paragraph[paragraph.length - 1].text;
  // An ASCII comma too: the import sets it full-width, and a re-import must judge the line the same.
  return /[，、,]$/.test(tail) || (CONTINUES.test(tail) && size >= 20);
}

/** Phase 1: join lines broken in mid-sentence. Lines in `fixed` (closing, cells, contents, marked headings) stay alone. */
function joinBrokenLines(main: SourceLine[], fixed: Set<SourceLine>, broken: Set<SourceLine>, ledger: Ledger): LogicalLine[] {
  const logical: LogicalLine[] = [];
  let size = 0;
  for (const line of main) {
    const previous = logical.at(-1);
    const last = previous?.lines.at(-1);
    const joinable = previous && last && !fixed.has(line) && !fixed.has(last);
    const cut = joinable && previous.lines.length === 1 && broken.has(last) && !startsNumbered(line.text);
    if (joinable && (cut || continuesWith(previous.lines, size, line.text))) {
      ledger.rewrite(line, 'import:join-line', 'Joined a line broken in mid-sentence to the line before');
      previous.lines.push(line);
      size += length(line.text);
    } else {
      logical.push({ kind: 'paragraph', lines: [line] });
      size = length(line.text);
    }
  }
  for (const entry of logical) if (entry.lines.length > 1) entry.text = joinWithPunctuation(entry.lines, ledger);
  return logical;
}

/** Phase 2: headings by numbering, by Markdown marker, or as un-numbered part headings; the rest paragraphs. */
function classify(logical: LogicalLine[], fixed: Set<SourceLine>, broken: Set<SourceLine>): Block[] {
  let openQuotes = 0;
  return logical.map((entry, index): Block => {
    const text = blockText(entry);
    const inQuote = openQuotes > 0;
    openQuotes = Math.max(0, openQuotes + quoteBalance(text));
    const [first] = entry.lines;
    if (entry.lines.length === 1 && (fixed.has(first) && !first.depth)) return entry;
    // After a clause ending in ；, a numbered line is the next item of an enumeration, even its last one (…。).
    const inEnumeration = /[；;]$/.test(logical[index - 1] ? blockText(logical[index - 1]) : '');
    const cut = entry.lines.length === 1 && broken.has(first);
    // The numbering decides the depth; a Markdown marker only marks a heading the numbering does not.
    const numbered = inQuote || inEnumeration || cut ? undefined : headingDepthOf(text);
    const marked = entry.lines.length === 1 && first.depth && first.depth >= 2 && first.depth <= 4 ? (first.depth as 2 | 3 | 4) : undefined;
    if (numbered ?? marked) return { kind: 'heading', depth: numbered ?? marked, lines: entry.lines, text: entry.text };
    const before = logical[index - 1] ? blockText(logical[index - 1]) : '';
    const after = logical[index + 1] ? blockText(logical[index + 1]) : undefined;
    if (!inQuote && isPartHeading(text, before, after)) return { kind: 'heading', depth: 2, lines: entry.lines, text: entry.text };
    return entry;
  });
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
  const marked = main.filter((line) => line.depth);
  const fixed = new Set([...plain, ...cells, ...marked]);
  const broken = brokenNumberedLines(main);
  const blocks = classify(joinBrokenLines(main, fixed, broken, ledger), fixed, broken);
  if (annexLines.length > 0) normaliseAnnexMarker(annexLines[0], ledger);
  for (const line of annexLines) blocks.push({ kind: 'paragraph', lines: [line] });
  return blocks;
}

function isPartHeading(text: string, before: string, after: string | undefined): boolean {
  if (after === undefined || !isShortPhrase(text) || length(text) < 4 || isDateLine(text) || startsNumbered(text)) return false;
  return !/[，、]$/.test(before) && !isShortPhrase(after);
}

/** 成文日期 and 署名 also go to front matter (the text stays in the body). */
function recordClosingMeta(closing: SourceLine[], meta: Meta): void {
  const dateIndex = closing.findLastIndex((line) => isDateLine(line.text));
  if (dateIndex < 0) return;
  meta.date ??= isoDate(closing[dateIndex].text);
  const signature = closing[dateIndex - 1];
  if (signature && isShortPhrase(signature.text) && !isDateLine(signature.text)) meta.author ??= signature.text;
}
