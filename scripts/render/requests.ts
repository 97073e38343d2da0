/**
 * What a page of ours may load. Every page the build drives runs no script
 * and has its requests intercepted; a job says which URLs its page may load
 * and gets back the ones it asked for and did not get. Tabs are reused from
 * job to job (see renderer.ts), so each job installs its own guard and
 * removes it when done.
 */
import type { HTTPRequest, Page } from 'puppeteer';

export interface RequestGuard {
  /** URLs the page asked for and did not get, in order. */
  blocked: string[];
  /** Removes the guard; the next job installs its own. */
  release(): void;
}

/**
 * Lets through the requests for which `allowed(url)` holds, and data: URLs;
 * blocks the rest. A navigation of the main frame away from `pageUrl` gets an
 * empty 204, which keeps the page where it is (a <meta> refresh): an aborted
 * navigation would put an error page in its place.
 */
export async function guardRequests(page: Page, allowed: (url: string) => boolean, pageUrl?: string): Promise<RequestGuard> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  const blocked: string[] = [];
  const onRequest = (request: HTTPRequest) => {
    const url = request.url();
    const leavesPage = request.isNavigationRequest() && request.frame() === page.mainFrame() && url !== pageUrl;
    if (!leavesPage && (url === pageUrl || url.startsWith('data:') || allowed(url))) {
      void request.continue();
    } else {
      blocked.push(url);
      void (leavesPage ? request.respond({ status: 204 }) : request.abort('blockedbyclient'));
    }
  };
  page.on('request', onRequest);
  return { blocked, release: () => void page.off('request', onRequest) };
}
