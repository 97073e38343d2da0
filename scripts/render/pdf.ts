/**
 * PDF writer: prints a document's HTML page with headless Chromium. The page
 * may load only its own files (the HTML and the subset fonts next to it) and
 * runs no script; anything else it asks for is blocked and reported. A page
 * with a 版记 is printed twice (see record-placement.ts).
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { printWithRecordPlaced } from './record-placement.ts';
import { guardRequests } from './requests.ts';
import { squeezePunctuation } from './squeeze-punctuation.ts';
import { keepTabViewport } from './viewport.ts';

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page asked for and did not get. */
  blocked: string[];
}

/** How long one document may take to load and print, in ms, unless the Renderer is told otherwise. */
export const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

/**
 * Prints the HTML file at `htmlPath` in `page`, a tab of its own (see
 * renderer.ts, which reuses tabs and survives a browser that crashes or
 * hangs); `allowedDirs` are the folders whose files it may load.
 */
export async function printPdf(page: Page, htmlPath: string, allowedDirs: string[], timeoutMs = DEFAULT_RENDER_TIMEOUT_MS): Promise<PrintResult> {
  const allowed = allowedDirs.map((dir) => pathToFileURL(dir).href.replace(/\/?$/, '/'));
  const pageUrl = pathToFileURL(htmlPath).href;
  const guard = await guardRequests(page, (url) => allowed.some((prefix) => url.startsWith(prefix)), pageUrl);
  try {
    await keepTabViewport(page);
    // Laid out for print from the start: one layout less than switching after loading.
    await page.emulateMediaType('print');
    await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
    // Load every declared face, not only those the DOM uses: page numbers live in @page margin
    // boxes, and a face first asked for while printing would print as blank (font-display: block).
    // A face whose file was blocked fails to load; it is reported above, and the page prints without it.
    await page.evaluate('Promise.allSettled([...document.fonts].map((face) => face.load())).then(() => document.fonts.ready)');
    await squeezePunctuation(page);
    const pdf = await printWithRecordPlaced(page, (measuring) =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, outline: !measuring, tagged: !measuring, timeout: timeoutMs }),
    );
    return { pdf, blocked: guard.blocked };
  } finally {
    guard.release();
  }
}
