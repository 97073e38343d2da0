/**
 * A small print edition for the page-list tests: the document printed by
 * Chromium on A6 pages with a "— N —" page number, in a TrueType face (AR PL
 * SungtiL GB) so the PDF's text layer is the document's text. And poppler's
 * reading of it, independent of the writer's own PDF text reader (scripts/epub/pdf-text.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toHtml } from 'hast-util-to-html';
import type { Browser } from 'puppeteer';
import type { RenderedDocument } from '../../../scripts/ast/types.ts';

const run = promisify(execFile);

const PRINT_CSS = `
  @page { size: 105mm 148mm; margin: 14mm 12mm 18mm; @bottom-center { content: "— " counter(page) " —"; font: 10pt "AR PL SungtiL GB"; } }
  body { font: 13pt/1.6 "AR PL SungtiL GB"; margin: 0; }
  p, h1, h2, h3, h4 { margin: 0; font-size: 13pt; font-weight: normal; text-indent: 2em; }
`;

export async function printSmallPdf(browser: Browser, doc: RenderedDocument): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${PRINT_CSS}</style></head><body>${toHtml(doc.content)}</body></html>`);
    return await page.pdf({ preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

/** Text of each page as poppler's pdftotext reads it (reading order, page furniture included). */
export async function popplerPageTexts(pdf: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-pdf-'));
  try {
    await writeFile(join(dir, 'print.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'print.pdf'), '-']);
    return stdout.split('\f').slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
