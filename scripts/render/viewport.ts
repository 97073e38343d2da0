/**
 * The viewport every tab of the build keeps. Print layout ignores it (the
 * squeeze measures at the page's own width), so it is the EPUB cover's size,
 * A4's proportions at a size readers show sharply on a phone: the cover is
 * photographed in the tab a print leaves without laying the document out
 * again. Here in the render stage, which the build loads before Chromium
 * starts, not with the cover's code.
 */
import type { Page } from 'puppeteer';

export const TAB_VIEWPORT = { width: 900, height: Math.round(900 * Math.SQRT2) } as const;

/** Gives `page` the tabs' viewport, unless it has it already: setting it again lays the page out again. */
export async function keepTabViewport(page: Page): Promise<void> {
  const { width, height } = page.viewport() ?? {};
  if (width !== TAB_VIEWPORT.width || height !== TAB_VIEWPORT.height) await page.setViewport({ ...TAB_VIEWPORT, deviceScaleFactor: 1 });
}
