/**
 * Font preflight: every character set in a face other than its slot's first
 * one, and every character no face of the slot has, is reported at its first
 * place in the source, with the face that stands in for it.
 */
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { PreparedFonts } from './index.ts';
import { SLOTS } from './slots.ts';

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function reportFontCoverage(fonts: PreparedFonts, file: VFile): void {
  const source = String(file.value ?? '');
  const place = (char: string) => {
    const offset = source.indexOf(char);
    return offset >= 0 ? location(file).toPoint(offset) : undefined;
  };
  for (const face of fonts.faces) {
    if (face.primary) continue;
    const primary = fonts.faces.find((f) => f.slot === face.slot && f.primary);
    for (const char of face.chars) {
      file.info(`“${char}” (${codePoint(char)}) is not in ${primary?.postscriptName ?? 'the first face'} (${face.slot} slot, ${SLOTS[face.slot].wanted}): set in ${face.postscriptName}`, {
        place: place(char),
        ruleId: 'font-fallback',
        source: 'fonts',
      });
    }
  }
  for (const { slot, chars } of fonts.uncovered) {
    for (const char of chars) {
      file.message(`“${char}” (${codePoint(char)}) is in no font of the ${slot} slot (${SLOTS[slot].wanted}): the browser will pick a system font`, {
        place: place(char),
        ruleId: 'font-coverage',
        source: 'fonts',
      });
    }
  }
}
