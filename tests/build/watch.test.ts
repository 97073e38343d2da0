/**
 * `gongwen watch` in a real browser: the preview shows the built page, shows
 * an edit after the save, shows a failed build's error on the page, and
 * serves nothing outside the output folder.
 */
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/render/browser.ts';
import { startWatch, type Watching } from '../../scripts/watch/index.ts';
import { scratchTree, shortDocument } from './helpers.ts';

const LIMIT_MS = 60_000;
const status = (url: string) => new Promise<number>((resolve, reject) => get(url, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject));

describe('watch with live preview', () => {
  const tree = scratchTree({ 'notice.md': shortDocument() });
  const notice = join(tree.src, 'notice.md');
  let watching: Watching;
  let browser: Browser;
  let page: Page;
  const bodyText = () => page.evaluate('document.body.innerText') as Promise<string>;

  beforeAll(async () => {
    watching = await startWatch({ dir: tree.src, outDir: tree.out, port: 0 });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${watching.url}notice.html`);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    await watching?.close();
  });

  it('serves the built page on 127.0.0.1', async () => {
    expect(watching.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await bodyText()).toContain('本通知自印发之日起施行。');
  });

  it('shows the new text after a save', async () => {
    writeFileSync(notice, shortDocument('本通知自二〇二四年五月一日起施行。'));
    await page.waitForFunction("document.body.innerText.includes('五月一日')", { timeout: LIMIT_MS });
  });

  it('shows a failed build’s error on the page, and the page again once fixed', async () => {
    writeFileSync(notice, shortDocument().replace('date: 2024-03-01', 'date: 三月一日'));
    await page.waitForSelector('#gw-build-error', { timeout: LIMIT_MS });
    expect(await page.$eval('#gw-build-error', (el) => el.textContent)).toMatch(/notice\.md.*yyyy-mm-dd/s);
    writeFileSync(notice, shortDocument('修改后的通知。'));
    await page.waitForFunction("document.body.innerText.includes('修改后的通知') && !document.getElementById('gw-build-error')", { timeout: LIMIT_MS });
  });

  it('serves nothing outside the output folder', async () => {
    expect(await status(`${watching.url}..%2F..%2F..%2Fetc%2Fpasswd`)).toBe(404);
    expect(await status(`${watching.url}.cache/builds/missing.json`)).toBe(404);
  });
});
