import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { charsPerSlot, fontFaceCss, prepareFonts, type PreparedFonts } from '../../scripts/fonts/index.ts';
import { pruneStore } from '../../scripts/fonts/subset.ts';

const TRUETYPE_SIGNATURE = 0x00010000;

describe('characters per slot', () => {
  it('sends ASCII of body text to the Latin slot and keeps the title’s own digits', () => {
    const slots = charsPerSlot({ body: '开展专题学习22次 AI', title: '2024年报告' });
    expect(slots.get('body')).toBe([...'开展专题学习次'].sort().join(''));
    expect(slots.get('latin')).toBe(' 2AI');
    expect(slots.get('title')).toBe([...'2024年报告'].filter((c, i, a) => a.indexOf(c) === i).sort().join(''));
  });
});

describe('@font-face composition', () => {
  const face = (slot: string, file: string, chars: string, primary: boolean) =>
    ({ slot, cssFamily: `gw-${slot}`, file, chars, primary, official: false, postscriptName: file, source: { file, face: 0, families: [], style: '' } }) as PreparedFonts['faces'][number];
  const fonts: PreparedFonts = {
    faces: [face('body', 'fang.ttf', '开展', true), face('body', 'serif.ttf', '垟', false), face('latin', 'latin.ttf', '2', true)],
    uncovered: [],
  };
  const css = fontFaceCss(fonts, (f) => f.file);

  it('lists the primary face first, gap fillers by range after it, Latin last over ASCII', () => {
    const bodyRules = css.split('@font-face').filter((r) => r.includes('"gw-body"'));
    expect(bodyRules.map((r) => /url\("([^"]+)"\)/.exec(r)?.[1])).toEqual(['fang.ttf', 'serif.ttf', 'latin.ttf']);
    expect(bodyRules[0]).not.toContain('unicode-range');
    expect(bodyRules[1]).toContain('unicode-range: U+579F;');
    expect(bodyRules[2]).toContain('unicode-range: U+0020-007E;');
  });
});

describe('prepareFonts with the installed stand-ins', () => {
  it('subsets every slot to TrueType outlines, fills gaps from the next face and caches the result', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongwen-fonts-'));
    const text = { title: '工作报告', body: '温州垟 2024', heading: '一、强化', song: '— 12' };
    const fonts = await prepareFonts(text, { cacheDir, userFontDirs: [] });
    for (const face of fonts.faces) {
      // Chromium embeds CFF outlines as Type 3 fonts: every face must reach it as TrueType.
      expect(readFileSync(face.file).readUInt32BE(0), face.file).toBe(TRUETYPE_SIGNATURE);
    }
    const slots = fonts.faces.map((f) => `${f.slot}:${f.primary ? 'primary' : 'fallback'}`);
    expect(slots).toEqual(expect.arrayContaining(['title:primary', 'body:primary', 'latin:primary', 'heading:primary', 'song:primary']));
    // 垟 is outside GB 2312, so FandolFang lacks it and the next body face serves it.
    const bodyFaces = fonts.faces.filter((f) => f.slot === 'body');
    expect(bodyFaces.map((f) => f.chars)).toEqual([[...'温州'].sort().join(''), '垟']);
    expect(fonts.uncovered).toEqual([]);

    const again = await prepareFonts(text, { cacheDir, userFontDirs: [] });
    expect(again.faces.map((f) => f.file)).toEqual(fonts.faces.map((f) => f.file));
  });

  it('fills a new cache folder from the shared store without running fontTools, and keeps the store within its limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-fonts-'));
    const storeDir = join(dir, 'store');
    const text = { body: '温州垟', heading: '一、强化' };
    const first = await prepareFonts(text, { cacheDir: join(dir, 'first'), storeDir, userFontDirs: [] });
    expect(readdirSync(storeDir).filter((name) => name.endsWith('.ttf'))).toHaveLength(first.faces.length);

    // A Python that fails: the second cache must come from the store alone.
    vi.stubEnv('GONGWEN_PYTHON', '/bin/false');
    try {
      const second = await prepareFonts(text, { cacheDir: join(dir, 'second'), storeDir, userFontDirs: [] });
      expect(second.faces.map((face) => face.file)).toEqual(first.faces.map((face) => face.file.replace(join(dir, 'first'), join(dir, 'second'))));
      for (const [index, face] of second.faces.entries()) expect(readFileSync(face.file).equals(readFileSync(first.faces[index].file))).toBe(true);
      await expect(prepareFonts({ body: '新字' }, { cacheDir: join(dir, 'third'), storeDir, userFontDirs: [] })).rejects.toThrow(/font subsetting failed/);
    } finally {
      vi.unstubAllEnvs();
    }

    // Least recently used first: with room for one font, the one used last stays.
    const used = basename(first.faces[0].file);
    utimesSync(join(storeDir, used), new Date(), new Date(Date.now() + 60_000));
    pruneStore(storeDir, statSync(join(storeDir, used)).size);
    expect(readdirSync(storeDir).sort()).toEqual([used, used.replace(/\.ttf$/, '.json')].sort());
  });

  it('reports a Python that exits without reading its input as a clear error, not an EPIPE (the input outgrows the pipe)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-fonts-'));
    const body = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    vi.stubEnv('GONGWEN_PYTHON', '/bin/false');
    try {
      await expect(prepareFonts({ body }, { cacheDir: join(dir, 'cache'), storeDir: '', userFontDirs: [] })).rejects.toThrow(
        /^font subsetting failed: \/bin\/false exited with code 1 and said nothing/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('prefers the user’s own official face, found in a fonts folder, over the stand-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-fonts-'));
    const userFonts = join(dir, 'fonts');
    mkdirSync(userFonts);
    // A TrueType face renamed "FangSong" plays the user's copy of the official 仿宋.
    const rename = `from fontTools.ttLib import TTFont
f = TTFont("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
for rec in f["name"].names:
    if rec.nameID in (1, 4, 16): rec.string = "FangSong"
    if rec.nameID == 6: rec.string = "FangSong-User"
f.save("${userFonts}/fangsong.ttf")`;
    execFileSync('/usr/bin/python3', ['-c', rename]);
    const fonts = await prepareFonts({ body: '温州' }, { cacheDir: join(dir, 'cache'), userFontDirs: [userFonts] });
    expect(fonts.faces[0]).toMatchObject({ slot: 'body', official: true, postscriptName: 'FangSong-User' });
    expect(fonts.faces[0].source.file).toBe(join(userFonts, 'fangsong.ttf'));
  });
});
