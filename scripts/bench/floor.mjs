// The floor of the benchmark: the same Chromium printing the same final HTML
// with nothing else — launch, load, wait for the fonts, page.pdf, exit. Plain
// JavaScript run by node (no tsx), so it carries none of our start-up cost.
// usage: node floor.mjs CHROMIUM ARGS_JSON PAGE.html OUT.pdf
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [executablePath, args, html, out] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath, args: JSON.parse(args), headless: true });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
} finally {
  await browser.close();
}
