/**
 * Hanging punctuation for the print layout (GB/T 9704 grid: a full line is
 * 28 characters; Word's 允许标点溢出边界). See hang-punctuation.browser.js.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer';

const SCRIPT = readFileSync(new URL('./hang-punctuation.browser.js', import.meta.url), 'utf8');

/** Lays the page out with closing punctuation hanging where it would shorten a line; returns how many marks hang. */
export async function hangLineEndPunctuation(page: Page): Promise<number> {
  return (await page.evaluate(SCRIPT)) as number;
}
