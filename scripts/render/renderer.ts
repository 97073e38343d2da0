/**
 * The browser of a build, owned in one place: launched on first use, checked
 * before each document, relaunched once when it crashes or hangs while
 * printing and the document retried, and ended for sure by `close()`.
 *
 * Jobs run in tabs kept open between them: a new tab starts a renderer
 * process, about a third of a CPU-second for each document of a batch. A tab
 * whose job failed is closed, not reused.
 *
 *   const renderer = new Renderer();
 *   try { const { pdf, blocked } = await renderer.print(html, [fontsDir]); }
 *   finally { await renderer.close(); }
 */
import type { Browser, Page } from 'puppeteer';
import { closeBrowser, firstLine, launchBrowser, NO_NETWORK_ARGS } from './browser.ts';
import { DEFAULT_RENDER_TIMEOUT_MS, printPdf, type PrintResult } from './pdf.ts';

export interface RendererOptions {
  /** How long Chromium may take to start, in ms. */
  launchTimeoutMs?: number;
  /** How long one document may take to load and print, in ms. */
  renderTimeoutMs?: number;
}

/** GONGWEN_RENDER_TIMEOUT (seconds) lets a user with a very long document wait longer. */
function renderTimeoutMs(options: RendererOptions): number {
  const fromEnv = Number(process.env.GONGWEN_RENDER_TIMEOUT) * 1000;
  return options.renderTimeoutMs ?? (fromEnv > 0 ? fromEnv : DEFAULT_RENDER_TIMEOUT_MS);
}

/** The browser, not the document, failed: worth one retry in a fresh browser. */
class BrowserFault extends Error {}

type Job<T> = (page: Page, limitMs: number) => Promise<T>;

export class Renderer {
  #browser?: Promise<Browser>;
  /** Tabs of the current browser that no job is using (or opening for the first job). */
  #idleTabs: Array<Promise<Page>> = [];
  /** The launch whose first tab warmUp() has readied. */
  #warmedUp?: Promise<Browser>;
  /** Set by close(): a job still running then fails instead of launching a browser nobody will close. */
  #closed = false;
  readonly #options: RendererOptions;

  constructor(options: RendererOptions = {}) {
    this.#options = options;
  }

  /**
   * Prints the HTML file at `htmlPath` (see printPdf), relaunching the browser
   * once if it fails. Several documents may print at once on one Renderer.
   */
  print(htmlPath: string, allowedDirs: string[]): Promise<PrintResult> {
    return this.run('print the page', (page, limitMs) => printPdf(page, htmlPath, allowedDirs, limitMs));
  }

  /**
   * A job for the browser (a print, the EPUB cover's photograph) in a tab of
   * its own, under the time limit, run again once in a relaunched browser
   * when the browser failed: crashed, hung, or was relaunched because another
   * job hung.
   */
  async run<T>(what: string, job: Job<T>): Promise<T> {
    try {
      return await this.#once(what, job);
    } catch (error) {
      if (!(error instanceof BrowserFault) || this.#closed) throw error;
      try {
        return await this.#once(what, job);
      } catch (again) {
        if (again instanceof BrowserFault) throw new Error(`${again.message}, also after relaunching it`);
        throw again;
      }
    }
  }

  /**
   * Starts the browser ahead of the first job (while the pipeline's code
   * loads) and readies its first tab: the one Chromium opens at launch, not a
   * new one beside it, which would start one more renderer process.
   */
  async warmUp(): Promise<void> {
    const { browser, launch } = await this.#connected();
    // Once per browser: a watch warms up before each build, when the first tab may be in the pool or in use.
    if (this.#warmedUp === launch) return;
    this.#warmedUp = launch;
    const tab = browser.pages().then(([initial]) => initial ?? browser.newPage());
    this.#idleTabs.push(tab);
    await tab;
  }

  /**
   * Ends the browser and every process of it; safe to call twice or when none
   * was launched. Killed, not closed politely: it holds nothing to save, and a
   * polite close took 0.3 s of every build.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const browser = await this.#browser?.catch(() => undefined);
    this.#browser = undefined;
    this.#idleTabs = [];
    if (browser) await closeBrowser(browser, 0);
  }

  /** A connected browser: launched on first use, and again after one died. */
  async #connected(): Promise<{ browser: Browser; launch: Promise<Browser> }> {
    if (this.#closed) throw new Error('the browser was closed before this job ran');
    let launch = this.#browser;
    if (launch && !(await launch).connected) await this.#discard(launch);
    // A failed launch stays memoised: the next document fails at once instead of waiting again.
    launch = this.#browser ??= launchBrowser({ args: NO_NETWORK_ARGS, timeoutMs: this.#options.launchTimeoutMs });
    return { browser: await launch, launch };
  }

  /** Kills the browser of `launch`; forgets it unless another document has already replaced it. */
  async #discard(launch: Promise<Browser>): Promise<void> {
    if (this.#browser === launch) {
      this.#browser = undefined;
      this.#idleTabs = [];
    }
    const browser = await launch.catch(() => undefined);
    if (browser) await closeBrowser(browser, 0);
  }

  async #once<T>(what: string, job: Job<T>): Promise<T> {
    const { browser, launch } = await this.#connected();
    const limitMs = renderTimeoutMs(this.#options);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BrowserFault(`Chromium did not ${what} within ${limitMs / 1000} s (GONGWEN_RENDER_TIMEOUT=seconds waits longer)`)), limitMs);
    });
    let tab: Page | undefined;
    const leased = async () => {
      tab = await (this.#idleTabs.pop() ?? browser.newPage());
      return job(tab, limitMs);
    };
    try {
      const result = await Promise.race([leased(), hung]);
      // Back to the pool only while its browser is the current one; a relaunch closed it.
      if ((await this.#browser?.catch(() => undefined)) === browser && browser.connected) this.#idleTabs.push(Promise.resolve(tab!));
      return result;
    } catch (error) {
      const fault = error instanceof BrowserFault ? error : browser.connected ? undefined : new BrowserFault(`Chromium crashed while trying to ${what} (${firstLine(error)})`);
      if (fault) {
        await this.#discard(launch);
        throw fault;
      }
      // The job failed on its own and may have left its tab in any state: not reused.
      await tab?.close().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
