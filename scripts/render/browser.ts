/**
 * Finds and launches the Chromium that prints the PDF: the one puppeteer
 * downloaded if there is one, else a system Chromium, else a clear error.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

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
  // No renderer process started ahead for a tab that may come: the build's tabs are kept and reused (0.2–0.4 CPU-s of every launch).
  '--disable-features=SpareRendererForSitePerProcess',
];

/**
 * For the browser that prints content: every network connection goes to a
 * proxy that does not exist, loopback included. Request interception already
 * blocks what a page asks for; this also stops what bypasses it
 * (preconnect, DNS prefetch), so text from the web can reach no host.
 */
export const NO_NETWORK_ARGS = ['--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

export interface LaunchOptions {
  /** Extra flags after CHROMIUM_ARGS. */
  args?: string[];
  /** How long Chromium may take to start and answer, in ms. */
  timeoutMs?: number;
}

export const DEFAULT_LAUNCH_TIMEOUT_MS = 60_000;

/** Where puppeteer keeps the browsers it downloads: PUPPETEER_CACHE_DIR, else its default (.puppeteerrc.cjs moves nothing). */
const puppeteerCache = () => process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');

/**
 * The browser puppeteer downloaded, if any. The `puppeteer` package (its
 * configuration, and puppeteer-core unbundled: 0.25 s to load before Chromium
 * can start) is asked only when its cache is there; the launch itself needs
 * only puppeteer-core, which the compiled pipeline bundles.
 */
function puppeteerBrowser(): string | undefined {
  if (!existsSync(puppeteerCache())) return undefined;
  try {
    const path = (createRequire(import.meta.url)('puppeteer') as { executablePath(): string }).executablePath();
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

/** The first line of an error: puppeteer's launch errors carry the browser's whole log. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim()) ?? 'unknown error';
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  const timeout = options.timeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
  try {
    return await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])], timeout });
  } catch (error) {
    const reason = /timed out/i.test(firstLine(error)) ? `it did not answer within ${timeout / 1000} s` : firstLine(error);
    throw new Error(`could not start Chromium (${executablePath}): ${reason}; set GONGWEN_CHROMIUM to a working Chromium`);
  }
}

/**
 * Ends a browser for sure: a polite close first when `politeMs` > 0, bounded
 * because a hung browser never answers it, then SIGKILL to its whole process
 * group (puppeteer starts Chromium as a group leader), so no renderer, GPU or
 * zygote process outlives it. Returns once the browser process has exited
 * and puppeteer has removed its temporary profile.
 */
export async function closeBrowser(browser: Browser, politeMs = 5_000): Promise<void> {
  const child = browser.process();
  const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
  if (politeMs > 0 && browser.connected) {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, politeMs)));
    await Promise.race([browser.close().catch(() => undefined), givenUp]);
    clearTimeout(timer);
  }
  if (child?.pid) killGroup(child.pid);
  await exited;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}
