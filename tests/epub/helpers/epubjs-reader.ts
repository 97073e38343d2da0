/**
 * Open an EPUB in epub.js (the reader engine of many web and app readers)
 * inside headless Chromium, display every spine item in turn, and return
 * what each displayed page contains.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer';

const require = createRequire(import.meta.url);
const SCRIPTS = [
  require.resolve('jszip/dist/jszip.min.js'),
  require.resolve('epubjs/dist/epub.min.js'),
  fileURLToPath(new URL('./epubjs-visit.js', import.meta.url)),
];

export interface DisplayedItem {
  href: string;
  linear: boolean;
  /** The item's body text as rendered in the reader's iframe. */
  text: string;
  /** lang of the displayed document's root element. */
  lang: string | null;
}

export interface EpubjsResult {
  title: string;
  language: string;
  items: DisplayedItem[];
  /** Labels of the navigation's table of contents, depth first. */
  toc: string[];
  pageList: string[];
}

export async function readWithEpubjs(browser: Browser, epub: Uint8Array): Promise<EpubjsResult> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!DOCTYPE html><html><body><div id="viewer"></div></body></html>');
    for (const path of SCRIPTS) await page.addScriptTag({ path });
    const base64 = Buffer.from(epub).toString('base64');
    // Defined by epubjs-visit.js in the page (tsc reads it there too).
    return (await page.evaluate((book: string) => window.visitEverySpineItem(book), base64)) as EpubjsResult;
  } finally {
    await page.close();
  }
}
