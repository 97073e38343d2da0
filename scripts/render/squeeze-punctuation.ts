/**
 * Punctuation squeezing for the print layout, so full lines keep the 28
 * characters of the GB/T 9704 grid. See squeeze-punctuation.browser.js.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer';

const SCRIPT = readFileSync(new URL('./squeeze-punctuation.browser.js', import.meta.url), 'utf8');

/** Sets closing marks half-width where a line would otherwise come up short; returns how many lines were mended. */
export async function squeezePunctuation(page: Page): Promise<number> {
  return (await page.evaluate(SCRIPT)) as number;
}
