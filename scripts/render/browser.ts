/**
 * Finds and launches the Chromium that prints the PDF: the one puppeteer
 * downloaded if there is one, else a system Chromium, else a clear error.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Flags for a headless Chromium that may run as root (CI) on a machine with
 * no network: no sandbox (root), no GPU, and none of the background services
 * that would try to reach Google.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
];

function puppeteerBrowser(): string | undefined {
  try {
    const path = puppeteer.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string {
  const fromEnv = process.env.GONGWEN_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`the Chromium named by the environment does not exist: ${fromEnv}`);
    return fromEnv;
  }
  const found = puppeteerBrowser() ?? SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'no Chromium found: install one (Debian/Ubuntu: apt-get install chromium) or let puppeteer download its browser (npx puppeteer browsers install chrome), or set GONGWEN_CHROMIUM to its path',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
