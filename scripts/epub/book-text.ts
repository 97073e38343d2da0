/**
 * The text of the book as the fonts stage needs it before anything is
 * printed: what each slot face sets, the book's own labels included. Apart
 * from the EPUB writer (./index.ts), so a build prepares its fonts without
 * loading the writer, which it loads while Chromium starts.
 */
import type { RenderedDocument } from '../ast/types.ts';
import type { SlotName } from '../fonts/index.ts';
import { loadTemplate } from '../template/index.ts';
import { coverAlt } from './cover.ts';
import { textsForCss } from './fonts.ts';

/** Labels in the book's language; the nav and landmarks are read aloud too. */
export const LABELS = { toc: '目录', landmarks: '导航', pageList: '页码', cover: '封面', bodymatter: '正文' } as const;

export function readerCss(doc: RenderedDocument): string {
  return loadTemplate(doc.meta.template ?? 'report').epubCss;
}

/** Text of the book outside its content, set in the body face: the navigation labels and the cover's text alternative. */
export const furnitureText = (doc: RenderedDocument) => Object.values(LABELS).join('') + coverAlt(doc);

/** The text the book sets in each slot font, for a build that prepares its fonts with the print's. */
export function bookFontTexts(doc: RenderedDocument, css = readerCss(doc)): Partial<Record<SlotName, string>> {
  return textsForCss(doc.content, css, furnitureText(doc));
}
