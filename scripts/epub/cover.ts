/**
 * The cover image: the document's title block laid out as a printed cover
 * and photographed by headless Chromium (the build's browser).
 */
import { readFileSync } from 'node:fs';
import { render } from 'ejs';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Page } from 'puppeteer';
import type { RenderedDocument } from '../ast/types.ts';
import { guardRequests } from '../render/requests.ts';
import { keepTabViewport, TAB_VIEWPORT } from '../render/viewport.ts';
import { OFFICIAL_RED, standardDate } from '../standard/gbt9704.ts';
import { hasClass } from './chapters.ts';

/** The cover is a tab's whole viewport, photographed without a clip (see render/viewport.ts). */
export const COVER_SIZE = TAB_VIEWPORT;

const TITLE_BLOCK = ['gw-title', 'gw-occasion', 'gw-speaker'];
const TEMPLATE = readFileSync(new URL('./templates/cover.html.ejs', import.meta.url), 'utf8');
const DRAW_OVER = readFileSync(new URL('./cover.browser.js', import.meta.url), 'utf8');

function titleBlock(content: Root): Element[] {
  return content.children.filter((node): node is Element => node.type === 'element' && TITLE_BLOCK.some((name) => hasClass(node, name)));
}

/** The text alternative of the cover image: what it shows. */
export function coverAlt(doc: RenderedDocument): string {
  return `封面：${doc.meta.title}`;
}

export function coverHtml(doc: RenderedDocument): string {
  const { meta } = doc;
  return render(TEMPLATE, {
    lang: meta.lang,
    red: OFFICIAL_RED,
    ...COVER_SIZE,
    titleBlock: toHtml({ type: 'root', children: titleBlock(doc.content) }),
    imprint: [meta.author, meta.date && standardDate(meta.date)].filter(Boolean).join('　'),
  });
}

/**
 * Chromium draws only the tab in front, so a screenshot of a tab behind
 * another one never finishes (a reused tab of a batch is often behind). One
 * tab at a time is brought to the front and photographed. A photograph hung
 * anyway ends when its browser is killed (see renderer.ts), and the next one goes.
 */
let photographing: Promise<unknown> = Promise.resolve();

function photographInFront(page: Page): Promise<Uint8Array> {
  const turn = photographing.then(async () => {
    await page.bringToFront();
    // The viewport, which is the cover: no clip, which would cost puppeteer a round trip to the page.
    return page.screenshot({ type: 'png', captureBeyondViewport: false });
  });
  photographing = turn.catch(() => undefined);
  return turn;
}

/**
 * Photographs the cover in `page`, a tab of its own (see renderer.ts): most
 * often the tab that just printed the document, over which the cover is
 * drawn (cover.browser.js) without leaving it: loading the cover as a page
 * of its own replaced the printed document, 0.2–0.45 s for the sample. The
 * tab runs no script of the page's, and the cover loads nothing: its faces
 * are the system's.
 */
export async function renderCover(page: Page, doc: RenderedDocument): Promise<Uint8Array> {
  const guard = await guardRequests(page, () => false);
  try {
    await keepTabViewport(page);
    await page.evaluate(`(${DRAW_OVER})(${JSON.stringify(coverHtml(doc))})`);
    return await photographInFront(page);
  } finally {
    guard.release();
  }
}
