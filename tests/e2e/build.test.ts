/**
 * End to end: the sample report from its cleaned source to PDF, EPUB and
 * HTML, checked with the tools a reader of the outputs would trust
 * (poppler, mupdf, epubcheck), not with our own code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, type DocumentResult } from '../../scripts/build/index.ts';
import { parseDocument } from '../../scripts/parse/index.ts';
import { epubcheck } from '../epub/helpers/epubcheck.ts';
import { readingText } from '../epub/helpers/read-epub.ts';

const NAME = 'wenzhou-npc-standing-committee-report-2024';
const SOURCE = join(import.meta.dirname, '../../source', `${NAME}.md`);

/** Text with all white space removed: line breaks and justification differ between outputs, the characters may not. */
const squash = (text: string) => text.replace(/[\s\u3000]+/g, '');
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The document's text block by block, title block first, as the parse stage sees it. */
function sourceBlocks(): string[] {
  const { tree } = parseDocument(new VFile({ path: SOURCE, value: readFileSync(SOURCE, 'utf8') }));
  return tree.children.map((block) => toString(block));
}

describe('building the sample report', () => {
  let outDir: string;
  let result: DocumentResult;
  const output = (ext: string) => join(outDir, `${NAME}.${ext}`);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'gongwen-e2e-'));
    [result] = await buildDocuments([SOURCE], { outDir });
  });

  it('writes the PDF, the EPUB and the HTML, with no warning', () => {
    expect(result.error).toBeUndefined();
    expect(result.outputs.map((p) => p.slice(outDir.length + 1)).sort()).toEqual([`${NAME}.epub`, `${NAME}.html`, `${NAME}.pdf`]);
    expect(result.file.messages.filter((m) => m.fatal !== undefined).map(String)).toEqual([]);
  });

  it('says where a character is set in a stand-in face of its slot', () => {
    // 垟 (in 三垟湿地) is outside GB 2312: FandolFang lacks it, the next body face sets it.
    const fallback = result.file.messages.filter((m) => m.ruleId === 'font-fallback');
    expect(fallback.map((m) => m.reason)).toContainEqual(expect.stringMatching(/^“垟” \(U\+579F\) is not in FandolFang-Regular \(body slot, 仿宋_GB2312\): set in NotoSerifCJKsc-Regular$/));
    const text = readFileSync(SOURCE, 'utf8').split('\n');
    const yang = fallback.find((m) => m.reason.startsWith('“垟”'))!;
    expect(text[yang.line! - 1][yang.column! - 1]).toBe('垟');
  });

  it('puts the source text in the PDF’s text layer, in order, nothing missing or added', () => {
    const pages = run('pdftotext', ['-enc', 'UTF-8', output('pdf'), '-']).split('\f').filter((p) => p.trim());
    const numbers = pages.map((page) => /— (\d+) —\s*$/.exec(page)?.[1]);
    expect(numbers).toEqual(pages.map((_, i) => String(i + 1)));
    const text = pages.map((page) => page.replace(/— \d+ —\s*$/, '')).join('');
    expect(squash(text)).toBe(squash(sourceBlocks().join('')));
  });

  it('embeds every font as a TrueType subset: no Type 3 font', () => {
    const rows = run('pdffonts', [output('pdf')]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('has no Kangxi radicals or compatibility ideographs in the text layer', () => {
    const text = run('mutool', ['draw', '-F', 'text', output('pdf')]);
    expect(text.match(/[\u2E80-\u2FDF\uF900-\uFAFF]/gu) ?? []).toEqual([]);
  });

  it('carries title, author, language, tags and a bookmark for every heading', async () => {
    const info = run('pdfinfo', [output('pdf')]);
    expect(info).toMatch(/^Title:\s+温州市人民代表大会常务委员会工作报告$/m);
    expect(info).toMatch(/^Author:\s+温州市人大常委会主任　葛益平$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)$/m);
    const pdf = await PDFDocument.load(readFileSync(output('pdf')));
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('zh-CN');
    expect(pdf.catalog.has(PDFName.of('Metadata'))).toBe(true);
    const bookmarks = run('mutool', ['show', output('pdf'), 'outline']).split('\n').filter(Boolean).map((l) => /"(.*)"/.exec(l)?.[1]);
    expect(bookmarks).toEqual([
      '温州市人民代表大会常务委员会工作报告',
      '过去一年的主要工作',
      ...sourceBlocks().filter((b) => /^[一二三四五六]、/.test(b)),
      '2024年的主要任务',
    ]);
  });

  it('makes an EPUB that epubcheck passes with no error or warning and whose text is the source’s', async () => {
    const epub = readFileSync(output('epub'));
    const report = await epubcheck(epub);
    expect([...report.fatals, ...report.errors, ...report.warnings]).toEqual([]);
    expect(squash((await readingText(epub)).join(''))).toBe(squash(sourceBlocks().join('')));
  });
});
