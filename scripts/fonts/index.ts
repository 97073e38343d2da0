/**
 * Fonts stage: for each slot, the faces that cover the characters the
 * document sets in it, subset and converted to TrueType outlines, and the
 * @font-face rules that compose them into one CSS family per slot.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveSlot, fontCatalogue, type FontFile } from './resolve.ts';
import { SLOTS, type SlotName } from './slots.ts';
import { subsetFaces } from './subset.ts';

export { SLOTS, type SlotName } from './slots.ts';
export { listSystemFaces } from './resolve.ts';

export interface PreparedFace {
  slot: SlotName;
  cssFamily: string;
  /** The subset TrueType file. */
  file: string;
  /** The font it was cut from. */
  source: FontFile;
  /** PostScript name, as it appears in the PDF. */
  postscriptName: string;
  /** The characters this face serves. */
  chars: string;
  /** True for the slot's first face; later ones only fill characters it lacks. */
  primary: boolean;
  /** True when the face is the official one named by GB/T 9704 (the user's own copy). */
  official: boolean;
}

export interface PreparedFonts {
  faces: PreparedFace[];
  /** Characters no face of the slot has: the browser will fall back to a system font. */
  uncovered: Array<{ slot: SlotName; chars: string }>;
}

export interface FontOptions {
  /** Where subset fonts are cached. */
  cacheDir: string;
  /** A store of subsets shared by every build of the user, copied into `cacheDir` (see ./subset.ts); none by default. */
  storeDir?: string;
  /** Folders with the user's own fonts (the official faces), searched before the system. */
  userFontDirs: string[];
}

const ASCII = /[\x20-\x7e]/u;

function uniqueChars(text: string): string {
  return [...new Set(text.replace(/[\n\r\t]/g, ''))].sort().join('');
}

/** The characters each slot must cover: ASCII goes to the Latin slot where the slot composes with it. */
export function charsPerSlot(textBySlot: Partial<Record<SlotName, string>>): Map<SlotName, string> {
  const result = new Map<SlotName, string>();
  const add = (slot: SlotName, chars: string) => result.set(slot, uniqueChars((result.get(slot) ?? '') + chars));
  for (const [slot, text] of Object.entries(textBySlot) as Array<[SlotName, string]>) {
    const chars = [...uniqueChars(text)];
    if (SLOTS[slot].withLatin) {
      add(slot, chars.filter((c) => !ASCII.test(c)).join(''));
      add('latin', chars.filter((c) => ASCII.test(c)).join(''));
    } else {
      add(slot, chars.join(''));
    }
  }
  return result;
}

export async function prepareFonts(textBySlot: Partial<Record<SlotName, string>>, options: FontOptions): Promise<PreparedFonts> {
  const catalogue = await fontCatalogue(options.userFontDirs);
  const pending = [...charsPerSlot(textBySlot)]
    .filter(([, chars]) => chars.length > 0)
    .map(([slot, chars]) => {
      const resolved = resolveSlot(SLOTS[slot], catalogue);
      if (!resolved.faces.length) {
        throw new Error(
          `no font for the ${slot} slot (GB/T 9704 wants ${SLOTS[slot].wanted}): put the font in fonts/ or install one of ${SLOTS[slot].standIns
            .map((ref) => ('family' in ref ? ref.family : ref.file))
            .join(', ')}`,
        );
      }
      return { slot, chars, faces: resolved.faces, official: resolved.official, next: 0 };
    });

  const faces: PreparedFace[] = [];
  // Each round gives every slot's missing characters to its next face, in one batch.
  for (let round = 0; pending.some((p) => p.chars && p.next < p.faces.length); round++) {
    const active = pending.filter((p) => p.chars && p.next < p.faces.length);
    const results = await subsetFaces(
      active.map((p) => ({ file: p.faces[p.next].file, face: p.faces[p.next].face, chars: p.chars })),
      options.cacheDir,
      options.storeDir,
    );
    active.forEach((p, i) => {
      const { out, missing, name } = results[i];
      const served = [...p.chars].filter((c) => !missing.includes(c)).join('');
      if (served || round === 0) {
        faces.push({
          slot: p.slot,
          cssFamily: SLOTS[p.slot].cssFamily,
          file: out,
          source: p.faces[p.next],
          postscriptName: name,
          chars: served,
          primary: round === 0,
          official: round === 0 && p.official,
        });
      }
      p.chars = missing;
      p.next += 1;
    });
  }
  const uncovered = pending.filter((p) => p.chars).map((p) => ({ slot: p.slot, chars: p.chars }));
  return { faces, uncovered };
}

/**
 * Every face gets the vertical metrics of the ideographic em box (the
 * OpenType convention for CJK fonts: 0.88 em above the baseline, 0.12 below).
 * Faces then share one baseline whatever their own metrics, and with the
 * line pitch fixed each glyph's em box sits exactly on the GB/T 9704 grid.
 */
const EM_BOX = { ascent: 88, descent: 12 } as const;

function unicodeRange(chars: string): string {
  return [...chars].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ');
}

/**
 * @font-face rules composing each slot's family. Of faces with overlapping
 * ranges the browser tries the last defined first (CSS Fonts 4 §4.5), so the
 * primary face comes first with no range, the faces that fill its gaps after
 * it, and the Latin face last, over ASCII only.
 */
export function fontFaceCss(fonts: PreparedFonts, url: (face: PreparedFace) => string): string {
  const rule = (family: string, face: PreparedFace, range?: string) =>
    [
      '@font-face {',
      `  font-family: "${family}";`,
      `  src: url("${url(face)}") format("truetype");`,
      '  font-display: block;',
      `  ascent-override: ${EM_BOX.ascent}%;`,
      `  descent-override: ${EM_BOX.descent}%;`,
      '  line-gap-override: 0%;',
      ...(range ? [`  unicode-range: ${range};`] : []),
      '}',
    ].join('\n');
  const latin = fonts.faces.filter((f) => f.slot === 'latin');
  const rules: string[] = [];
  for (const slotName of Object.keys(SLOTS) as SlotName[]) {
    const slotFaces = fonts.faces.filter((f) => f.slot === slotName);
    if (!slotFaces.length) continue;
    const family = SLOTS[slotName].cssFamily;
    for (const face of slotFaces) rules.push(rule(family, face, face.primary ? SLOTS[slotName].unicodeRange : unicodeRange(face.chars)));
    if (SLOTS[slotName].withLatin) for (const face of latin) rules.push(rule(family, face, face.primary ? SLOTS.latin.unicodeRange : unicodeRange(face.chars)));
  }
  return rules.join('\n');
}

/**
 * The user's cache folder for gongwen: GONGWEN_CACHE (empty: none), else
 * $XDG_CACHE_HOME/gongwen, else ~/.cache/gongwen.
 */
export function userCacheDir(): string | undefined {
  const own = process.env.GONGWEN_CACHE;
  if (own !== undefined) return own || undefined;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'gongwen');
}

export function defaultFontOptions(buildDir: string, projectDir: string): FontOptions {
  const userDirs = [join(projectDir, 'fonts'), ...(process.env.GONGWEN_FONTS ? process.env.GONGWEN_FONTS.split(':') : [])];
  const store = userCacheDir();
  return { cacheDir: join(buildDir, '.cache', 'fonts'), ...(store ? { storeDir: join(store, 'fonts') } : {}), userFontDirs: userDirs };
}
