/**
 * The slot fonts inside the EPUB: the faces the fonts stage picks for each
 * slot (scripts/fonts), subset to the characters the reader style sheet sets
 * in that slot, and the @font-face rules that name them.
 */
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { fontFaceCss, prepareFonts, type FontOptions, type PreparedFace, type SlotName } from '../fonts/index.ts';
import { slotRules, slotTexts } from '../template/slot-text.ts';

export interface EmbeddedFonts {
  /** @font-face rules, to go before the reader style sheet. */
  css: string;
  /** For epub-gen-memory's `fonts` option: file name in OEBPS/fonts/ and where to read it. */
  files: Array<{ filename: string; url: string }>;
  /** Characters no face of their slot has: readers use their own font for them. */
  uncovered: Array<{ slot: SlotName; chars: string }>;
}

/** Content documents put the content straight into <body>; the nav and cover page text is set in the body face too. */
const BODY: Element = { type: 'element', tagName: 'body', properties: {}, children: [] };

/**
 * The text of each slot the style sheet names (font-family: gw-…); text in no
 * such rule is left to the reader's font, and the PDF-only slots (page
 * numbers) are left out. Latin follows the slots that compose with it.
 */
function textsForCss(content: Root, css: string, extraBodyText: string): Partial<Record<SlotName, string>> {
  const used = new Set<SlotName>(slotRules(css).map((rule) => rule.slot));
  const texts = slotTexts(content, css, BODY);
  if (texts.body !== undefined) texts.body += extraBodyText;
  return Object.fromEntries(Object.entries(texts).filter(([slot]) => used.has(slot as SlotName)));
}

export async function embedSlotFonts(content: Root, css: string, extraBodyText: string, options: FontOptions): Promise<EmbeddedFonts> {
  const fonts = await prepareFonts(textsForCss(content, css, extraBodyText), options);
  // Names by slot and rank, not by the cache's hashes, so the container reads well and stays stable.
  const names = new Map<PreparedFace, string>(fonts.faces.map((face, index) => [face, `${face.slot}-${index + 1}.ttf`]));
  return {
    css: fontFaceCss(fonts, (face) => `fonts/${names.get(face)}`),
    files: fonts.faces.map((face) => ({ filename: names.get(face)!, url: pathToFileURL(face.file).href })),
    uncovered: fonts.uncovered,
  };
}
