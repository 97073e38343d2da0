/**
 * Import: a raw document (text copied from a web page, a saved page, a
 * Markdown file, in any common encoding) → the cleaned source, Markdown with
 * YAML front matter. Pure: bytes in, text and a report out; the CLI does I/O.
 *
 * decode → lines → character clean-up → page noise → punctuation → head
 * (front matter) → body blocks → mdast → Markdown. Every line is accounted
 * for in the Ledger (kept, moved or dropped) and every change is a message on
 * the VFile at its raw position.
 */
import { basename, extname } from 'node:path';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../ast/types.ts';
import { readBody } from './body.ts';
import { decodeInput, ImportError } from './decode.ts';
import { readHead } from './head.ts';
import { htmlLines } from './html.ts';
import { type Accounting, Ledger, type SourceLine } from './ledger.ts';
import { cleanCharacters, splitLines } from './lines.ts';
import { type Meta, removePageNoise } from './noise.ts';
import { normaliseLinesPunctuation } from './punctuation.ts';
import { toMarkdown } from './serialize.ts';

export { ImportError } from './decode.ts';
export type { Accounting } from './ledger.ts';

export interface ImportOptions {
  /** Path of the input as the user named it: messages and `source` use it. */
  path: string;
}

export interface ImportResult {
  markdown: string;
  meta: FrontMatter;
  /** Messages (dropped, moved, rewritten lines) at positions in the raw input. */
  file: VFile;
  accounting: Accounting;
}

type Format = 'text' | 'markdown' | 'html';

function formatOf(text: string, path: string): Format {
  const extension = extname(path).toLowerCase();
  if (['.html', '.htm', '.xhtml', '.shtml'].includes(extension) || /^\s*<(?:!doctype\s+html|html|head|body)\b/i.test(text)) return 'html';
  // A text file opening with "---" and a `key:` line is a cleaned file under another name.
  if (['.md', '.markdown'].includes(extension) || (FRONT_MATTER.test(text) && /^---\r?\n[A-Za-z]+:/.test(text))) return 'markdown';
  return 'text';
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** YAML front matter of a Markdown input (a cleaned file imported again keeps its metadata). */
function splitFrontMatter(text: string, path: string): { meta: Meta; body: string; bodyLine: number; yamlLines: number } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { meta: {}, body: text, bodyLine: 1, yamlLines: 0 };
  let meta: unknown;
  try {
    meta = parseYaml(match[1]);
  } catch (error) {
    throw new ImportError(path, `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (meta !== null && (typeof meta !== 'object' || Array.isArray(meta))) throw new ImportError(path, 'front matter must be a YAML mapping (key: value lines)');
  const yamlLines = match[0].split(/\r\n|\r|\n/).length - (match[0].endsWith('\n') ? 1 : 0);
  return { meta: (meta ?? {}) as Meta, body: text.slice(match[0].length), bodyLine: yamlLines + 1, yamlLines };
}

/** `report` for 工作报告 / 讲话, `letter` for 函, `minutes` for 纪要, `document` for the other kinds of 公文. */
function templateFor(meta: Meta): string {
  if (meta.speaker || meta.occasion?.startsWith('——') || /(?:报告|讲话|致辞|发言|演讲)$/.test(meta.title ?? '')) return 'report';
  if (/函$/.test(meta.title ?? '')) return 'letter';
  if (/纪要$/.test(meta.title ?? '')) return 'minutes';
  return 'document';
}

export function importDocument(input: Buffer | string, options: ImportOptions): ImportResult {
  const { path } = options;
  const { text } = decodeInput(input, path);
  const file = new VFile({ path, value: text });
  const ledger = new Ledger(file);
  const format = formatOf(text, path);
  let meta: Meta = {};
  let lines: SourceLine[];
  let hasFrontMatter = false;
  if (format === 'html') {
    const page = htmlLines(text);
    meta = page.meta;
    ledger.open([...page.chrome, ...page.lines]);
    // The page around the article may still say what the document is (a metadata table): read it, drop the rest.
    const chrome = removePageNoise(cleanCharacters(page.chrome, ledger, { markdown: false }), ledger, meta);
    for (const line of chrome) ledger.drop(line, 'import:page-chrome', 'page text outside the article (navigation, sidebar, footer)');
    lines = page.lines;
  } else {
    const split = format === 'markdown' ? splitFrontMatter(text, path) : { meta: {}, body: text, bodyLine: 1, yamlLines: 0 };
    meta = split.meta;
    hasFrontMatter = split.yamlLines > 0;
    const yaml = splitLines(text.split(/\r\n|\r|\n/).slice(0, split.yamlLines).join('\n'));
    lines = splitLines(split.body, split.bodyLine);
    ledger.open(yaml);
    for (const line of yaml) ledger.move(line, 'import:front-matter', 'front matter of the input kept as front matter');
    ledger.open(lines);
  }
  lines = cleanCharacters(lines, ledger, { markdown: format === 'markdown' });
  lines = removePageNoise(lines, ledger, meta);
  normaliseLinesPunctuation(lines, ledger);
  const { bodyStart } = hasFrontMatter && meta.title ? { bodyStart: 0 } : readHead(lines, ledger, meta);
  const blocks = readBody(lines.slice(bodyStart), ledger, meta);
  if (blocks.length === 0) throw new ImportError(path, 'no document text found: everything in it is page noise or metadata (see --report)');
  if (!meta.title) {
    meta.title = basename(path, extname(path));
    file.message(`No title found; using the file name “${meta.title}”. Put the title on the first line.`, { place: { line: 1, column: 1 }, ruleId: 'import:no-title' });
  }
  // The issuing body a page names is also who the PDF and EPUB metadata credit.
  if (meta.issuer) meta.author ??= meta.issuer;
  meta.source ??= path;
  meta.template ??= templateFor(meta);
  return { markdown: toMarkdown(meta, blocks), meta: meta as FrontMatter, file, accounting: ledger.accounting() };
}
