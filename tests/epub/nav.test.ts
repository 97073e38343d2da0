import { describe, expect, it } from 'vitest';
import { ncxNavMap, type NavEntry } from '../../scripts/epub/nav.ts';

const entry = (label: string, href: string, children: NavEntry[] = []): NavEntry => ({ label, href, children });

describe('ncxNavMap (EPUB 2 NCX)', () => {
  it('numbers navPoints in reading order, one playOrder per target, and measures the depth', () => {
    const { points, depth } = ncxNavMap([
      entry('报告', 'chapter-01.xhtml'),
      entry('过去一年的主要工作', 'chapter-02.xhtml', [entry('一、强化政治引领', 'chapter-02.xhtml#section-1', [entry('切实加强理论武装', 'chapter-02.xhtml#lead-1')])]),
      // A second entry for a place already listed shares its playOrder, as the NCX requires.
      entry('过去一年', 'chapter-02.xhtml'),
    ]);
    const flat = (list: typeof points): Array<[string, string, number]> => list.flatMap((p) => [[p.id, p.label, p.playOrder] as [string, string, number], ...flat(p.children)]);
    expect(flat(points)).toEqual([
      ['nav-1', '报告', 1],
      ['nav-2', '过去一年的主要工作', 2],
      ['nav-3', '一、强化政治引领', 3],
      ['nav-4', '切实加强理论武装', 4],
      ['nav-5', '过去一年', 2],
    ]);
    expect(depth).toBe(3);
  });
});
