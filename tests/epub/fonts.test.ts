/**
 * Slot fonts in the EPUB: each slot's face embedded, subset to the
 * characters set in it, named by the style sheet. Needs the fonts stage's
 * tools (python3-fonttools) and faces, as the PDF build does.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Font } from 'fonteditor-core';
import { matches, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { bookFontTexts, writeEpub } from '../../scripts/epub/index.ts';
import { prepareFonts } from '../../scripts/fonts/index.ts';
import { epubcheck, formatMessages } from './helpers/epubcheck.ts';
import { fixtureDocument } from './helpers/fixture.ts';
import { openEpub } from './helpers/read-epub.ts';

/** A cache of its own, kept between runs (the fonts stage reuses subsets of the same characters). */
const fontOptions = { cacheDir: join(tmpdir(), 'gongwen-epub-test-fonts'), userFontDirs: [] };
const doc = fixtureDocument();

/** Non-ASCII characters of the elements `selector` matches, leaving out elements matching `omit` (set in another slot). */
function charsOf(selector: string, omit?: string): Set<string> {
  const content = structuredClone(doc.content);
  if (omit) {
    visit(content, 'element', (node, index, parent) => {
      if (!matches(omit, node) || !parent || index === undefined) return;
      parent.children.splice(index, 1);
      return index;
    });
  }
  const text = selectAll(selector, content).map((node) => toText(node)).join('');
  return new Set([...text].filter((char) => /[^\s\x20-\x7e]/u.test(char)));
}

/** The characters a TrueType font maps, from its cmap. */
function coverage(ttf: Buffer): Set<string> {
  const cmap = Font.create(ttf, { type: 'ttf' }).get().cmap as Record<string, number>;
  return new Set(Object.keys(cmap).map((code) => String.fromCodePoint(Number(code))));
}

describe('embedded slot fonts', () => {
  it('embeds each slot face subset to what it sets, and stays valid and stable', async () => {
    const book = await writeEpub(doc, { fonts: fontOptions });
    const epub = await openEpub(book);
    const css = await epub.zip.file('OEBPS/style.css')!.async('string');
    const faces = [...css.matchAll(/@font-face\s*{[^}]*font-family:\s*"([^"]+)";[^}]*src:\s*url\("([^"]+)"\)[^}]*}/g)].map(([rule, family, url]) => ({
      family,
      path: `OEBPS/${url}`,
      ranged: rule.includes('unicode-range'),
    }));
    for (const face of faces) expect(epub.opf, face.path).toContain(`href="${face.path.replace('OEBPS/', '')}" media-type="font/ttf"`);

    const primary = async (family: string) => {
      const face = faces.find((f) => f.family === family && !f.ranged);
      expect(face, family).toBeDefined();
      return coverage(await epub.zip.file(face!.path)!.async('nodebuffer'));
    };
    const expectSubsetCovering = async (family: string, selector: string, omit?: string) => {
      const wanted = charsOf(selector, omit);
      const has = await primary(family);
      expect([...wanted].filter((char) => !has.has(char)).join(''), `${family} lacks`).toBe('');
      expect(has.size, `${family} is a subset`).toBeLessThan(wanted.size * 2 + 40);
    };
    await expectSubsetCovering('gw-title', '.gw-title');
    await expectSubsetCovering('gw-heading', '.gw-part, .gw-level1');
    await expectSubsetCovering('gw-kai', '.gw-occasion, .gw-speaker, .gw-level2, .gw-lead');
    await expectSubsetCovering('gw-body', '.gw-body, .gw-salutation, .gw-signature, .gw-date', '.gw-lead');

    const result = await epubcheck(book);
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
    expect((await writeEpub(doc, { fonts: fontOptions })).equals(book)).toBe(true);
  });

  it('takes from fonts prepared for more text (the print’s too) only the faces the book needs', async () => {
    const own = await openEpub(await writeEpub(doc, { fonts: fontOptions }));
    // The print sets page numbers in the song slot, which the book does not use, and a character outside GB 2312 in the body.
    const prepared = await prepareFonts({ ...bookFontTexts(doc), song: '— 12 —', kai: `${bookFontTexts(doc).kai}垟` }, fontOptions);
    expect(prepared.faces.map((face) => face.slot)).toContain('song');
    const shared = await openEpub(await writeEpub(doc, { fonts: prepared }));
    const fontFiles = (epub: typeof own) => Object.keys(epub.zip.files).filter((name) => name.includes('fonts/')).sort();
    // The same faces under the same names: no song face, and no fallback kai face for the print's extra character.
    expect(fontFiles(shared)).toEqual(fontFiles(own));
    expect(await shared.zip.file('OEBPS/style.css')!.async('string')).toBe(await own.zip.file('OEBPS/style.css')!.async('string'));
  });

  it('embeds nothing for a style sheet that names no slot family', async () => {
    const epub = await openEpub(await writeEpub(doc, { fonts: fontOptions, css: 'body { font-family: "FangSong", serif; }' }));
    expect(Object.keys(epub.zip.files).filter((name) => name.includes('fonts/'))).toEqual([]);
    expect(await epub.zip.file('OEBPS/style.css')!.async('string')).not.toContain('@font-face');
  });
});
