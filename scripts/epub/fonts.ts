/**
 * The slot fonts inside the EPUB: the faces the fonts stage picks for each
 * slot (scripts/fonts), subset to the characters the reader style sheet sets
 * in that slot, and the @font-face rules that name them.
 */
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { charsPerSlot, fontFaceCss, prepareFonts, type FontOptions, type PreparedFace, type PreparedFonts, type SlotName } from '../fonts/index.ts';
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

/** Texts already read, by content tree: the build reads the book's before printing, the writer again to embed its fonts. */
const textsRead = new WeakMap<Root, Map<string, Partial<Record<SlotName, string>>>>();

/**
 * The text of each slot the style sheet names (font-family: gw-…); text in no
 * such rule is left to the reader's font, and the PDF-only slots (page
 * numbers) are left out. Latin follows the slots that compose with it.
 */
export function textsForCss(content: Root, css: string, extraBodyText: string): Partial<Record<SlotName, string>> {
  const key = JSON.stringify([css, extraBodyText]);
  let read = textsRead.get(content);
  if (!read) textsRead.set(content, (read = new Map()));
  if (!read.has(key)) {
    const used = new Set<SlotName>(slotRules(css).map((rule) => rule.slot));
    const texts = slotTexts(content, css, BODY);
    if (texts.body !== undefined) texts.body += extraBodyText;
    read.set(key, Object.fromEntries(Object.entries(texts).filter(([slot]) => used.has(slot as SlotName))));
  }
  return { ...read.get(key) };
}

/**
 * Of fonts prepared for more text (the build prepares the print's and the
 * book's in one go), the faces the book's text needs: each slot it sets, with
 * the fallback faces that serve some of its characters.
 */
function coveringFonts(fonts: PreparedFonts, texts: Partial<Record<SlotName, string>>): PreparedFonts {
  const wanted = new Map([...charsPerSlot(texts)].map(([slot, chars]) => [slot, new Set(chars)]));
  const needed = (slot: SlotName, chars: string) => [...chars].filter((char) => wanted.get(slot)?.has(char)).join('');
  return {
    faces: fonts.faces
      .filter((face) => wanted.has(face.slot) && (face.primary || needed(face.slot, face.chars)))
      .map((face) => ({ ...face, chars: needed(face.slot, face.chars) })),
    uncovered: fonts.uncovered.map(({ slot, chars }) => ({ slot, chars: needed(slot, chars) })).filter(({ chars }) => chars),
  };
}

/** `fonts`: the fonts stage's options, or fonts it already prepared for at least this text. */
export async function embedSlotFonts(content: Root, css: string, extraBodyText: string, fonts: FontOptions | PreparedFonts): Promise<EmbeddedFonts> {
  const texts = textsForCss(content, css, extraBodyText);
  const prepared = 'faces' in fonts ? coveringFonts(fonts, texts) : await prepareFonts(texts, fonts);
  // Names by slot and rank, not by the cache's hashes, so the container reads well and stays stable.
  const names = new Map<PreparedFace, string>(prepared.faces.map((face, index) => [face, `${face.slot}-${index + 1}.ttf`]));
  return {
    css: fontFaceCss(prepared, (face) => `fonts/${names.get(face)}`),
    files: prepared.faces.map((face) => ({ filename: names.get(face)!, url: pathToFileURL(face.file).href })),
    uncovered: prepared.uncovered,
  };
}
