/**
 * PDF writer: prints a document's HTML page with headless Chromium. The page
 * may load only its own files (the HTML and the subset fonts next to it) and
 * runs no script; anything else it asks for is blocked and reported. A page
 * with a 版记 is printed twice (see record-placement.ts).
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { printWithRecordPlaced } from './record-placement.ts';
import { squeezePunctuation } from './squeeze-punctuation.ts';

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page asked for and did not get. */
  blocked: string[];
}

/**
 * Prints the HTML file at `htmlPath`; `allowedDirs` are the folders whose
 * files it may load. Use a Renderer (./renderer.ts) to survive a browser
 * that crashes or hangs.
 */
export async function printPdf(browser: Browser, htmlPath: string, allowedDirs: string[], timeoutMs = 120_000): Promise<PrintResult> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const allowed = allowedDirs.map((dir) => pathToFileURL(dir).href.replace(/\/?$/, '/'));
  const pageUrl = pathToFileURL(htmlPath).href;
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      const leavesPage = request.isNavigationRequest() && request.frame() === page.mainFrame() && url !== pageUrl;
      if (!leavesPage && (url === pageUrl || url.startsWith('data:') || allowed.some((prefix) => url.startsWith(prefix)))) {
        void request.continue();
      } else {
        blocked.push(url);
        // A 204 keeps the page where it is (a <meta> refresh); an aborted navigation would put an error page in its place.
        void (leavesPage ? request.respond({ status: 204 }) : request.abort('blockedbyclient'));
      }
    });
    await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
    // Load every declared face, not only those the DOM uses: page numbers live in @page margin
    // boxes, and a face first asked for while printing would print as blank (font-display: block).
    // A face whose file was blocked fails to load; it is reported above, and the page prints without it.
    await page.evaluate('Promise.allSettled([...document.fonts].map((face) => face.load())).then(() => document.fonts.ready)');
    await page.emulateMediaType('print');
    await squeezePunctuation(page);
    const pdf = await printWithRecordPlaced(page, (measuring) =>
      page.pdf({ preferCSSPageSize: true, printBackground: true, outline: !measuring, tagged: !measuring, timeout: timeoutMs }),
    );
    return { pdf, blocked };
  } finally {
    // A crashed browser cannot close the page; the error that matters is the one above.
    await page.close().catch(() => undefined);
  }
}
