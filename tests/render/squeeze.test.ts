/**
 * Punctuation squeezing on the printed page: a line that Chromium would
 * leave short, because it carries a character and its closing mark over to
 * the next line, is filled by setting closing marks half-width.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments } from '../../scripts/build/index.ts';

/** The lines of page 1 below the title, as MuPDF reads them. */
function bodyLines(pdf: string): string[] {
  return execFileSync('mutool', ['draw', '-F', 'text', pdf, '1'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^— \d+ —$/.test(line))
    .slice(1);
}

describe('squeezing closing punctuation', () => {
  let lines: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-squeeze-'));
    // After the 2-character indent a first line holds 26 cells. The 26th character "甲" is followed by
    // "，", which may not start a line: unsqueezed, "甲，" moves down and the line holds 25. Squeezing
    // the "、" on the line and the "，" itself frees the one cell "甲" needs.
    const first = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往、秋收冬藏';
    const source = `---\ntitle: 测试\n---\n\n${first}甲，余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜。\n`;
    writeFileSync(join(dir, 'squeeze.md'), source);
    const [result] = await buildDocuments([join(dir, 'squeeze.md')], { outDir: join(dir, 'out'), force: true });
    expect(result.error).toBeUndefined();
    lines = bodyLines(join(dir, 'out', 'squeeze.pdf'));
  });

  it('keeps the character and its mark on the line they belong to', () => {
    expect(lines[0]).toBe('天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往、秋收冬藏甲，');
    expect(lines[1].startsWith('余成岁')).toBe(true);
  });
});
