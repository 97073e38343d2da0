import { relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../scripts/parse/index.ts';
import { CELL_MM, GRID, LINE_PITCH_MM, MM_PER_PT, SIZE_PT, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { geometryCss, pageGeometry } from '../../scripts/template/geometry.ts';
import { availableTemplates, loadTemplate, pageHtml, renderContent, TEMPLATES_DIR } from '../../scripts/template/index.ts';
import { slotRules, slotTexts } from '../../scripts/template/slot-text.ts';

const SOURCE = `---
title: 温州市人民代表大会常务委员会工作报告
occasion: ——2024年1月30日在温州市第十四届人民代表大会第四次会议上
speaker: 温州市人大常委会主任　葛益平
---

各位代表：

## 过去一年的主要工作

### 一、强化政治引领

切实加强理论武装。严格落实制度，开展专题学习22次。
`;

function rendered() {
  return renderContent(parseDocument(new VFile({ path: 'r.md', value: SOURCE })), 'r');
}

describe('report template', () => {
  const template = loadTemplate('report');

  it('turns roles into classes and gives headings ids', () => {
    const content = rendered().content;
    const classOf = (selector: string) => (select(selector, content)?.properties.className as string[]) ?? [];
    expect(classOf('h1')).toEqual(['gw-title']);
    expect(classOf('h2')).toEqual(['gw-part']);
    expect(classOf('h3')).toEqual(['gw-level1']);
    expect(classOf('strong')).toEqual(['gw-lead']);
    expect(selectAll('h1, h2, h3', content).map((h) => h.properties.id)).toEqual(['h1', 'h2', 'h3']);
  });

  it('fills the page with metadata, language and content', () => {
    const page = fromHtml(pageHtml(rendered(), template, 'p{}'));
    expect(select('html', page)?.properties.lang).toBe('zh-CN');
    expect(select('title', page)?.children).toEqual([expect.objectContaining({ value: '温州市人民代表大会常务委员会工作报告' })]);
    expect(select('meta[name=author]', page)?.properties.content).toBe('温州市人大常委会主任　葛益平');
    expect(select('main .gw-salutation', page)).toBeTruthy();
    expect(select('[data-gw-slot]', page)).toBeUndefined();
  });

  it('lists the files it was read from, the style sheets it imports from other templates included', () => {
    const relativeFiles = (name: string) => loadTemplate(name).files.map((file) => relative(TEMPLATES_DIR, file)).sort();
    expect(relativeFiles('report')).toEqual(['report/document.html', 'report/epub.css', 'report/print.css', 'shared/epub.css']);
    expect(relativeFiles('minutes')).toEqual(expect.arrayContaining(['minutes/print.css', 'document/print.css', 'report/print.css', 'shared/epub.css']));
  });

  it('rejects an unknown template by name, listing the available ones', () => {
    expect(() => loadTemplate('../etc')).toThrow(/unknown template `..\/etc`: available are .*report/);
    expect(availableTemplates()).toContain('report');
  });
});

describe('font slots from the template CSS', () => {
  it('reads the rules that name a slot family, ignoring at-rules', () => {
    const css = '@page { @bottom-right { font-family: gw-song; } }\n/* .x { font-family: gw-kai } */\nhtml { font-family: gw-body; }\n.a, .b { color: red; font-family: "gw-heading"; }';
    expect(slotRules(css)).toEqual([
      { selector: 'html', slot: 'body' },
      { selector: '.a, .b', slot: 'heading' },
    ]);
  });

  it('gives each text the slot of its nearest styled element', () => {
    const template = loadTemplate('report');
    const wrapper = select('[data-gw-slot="content"]', fromHtml(template.html)) as Element;
    const texts = slotTexts(rendered().content, template.printCss, wrapper);
    expect(texts.title).toBe('温州市人民代表大会常务委员会工作报告');
    expect(texts.heading).toBe('过去一年的主要工作一、强化政治引领');
    expect(texts.kai).toBe('——2024年1月30日在温州市第十四届人民代表大会第四次会议上温州市人大常委会主任　葛益平切实加强理论武装。');
    expect(texts.body?.replace(/\n/g, '')).toBe('各位代表：严格落实制度，开展专题学习22次。');
    expect(texts.song).toMatch(/^— 0123456789$/);
  });

  it('matches selectors as CSS does: combinators, attributes, pseudo-classes, the later rule winning', () => {
    const content = fromHtml('<h2 class="x y">甲</h2><p data-kind="note">乙<span lang="en">丙</span></p><p>丁</p><p>戊</p>', { fragment: true });
    const wrapper = fromHtml('<div class="gw-document"></div>', { fragment: true }).children[0] as Element;
    const css = `
      .gw-document > h2.x { font-family: gw-heading; }
      h2.y { font-family: gw-title; }
      [data-kind="note"] span[lang|="en"] { font-family: gw-latin; }
      p:last-child { font-family: gw-kai; }
      html .gw-document p:nth-of-type(2) { font-family: gw-song; }`;
    const texts = slotTexts(content, css, wrapper);
    expect(texts).toEqual({ title: '甲', body: '乙', latin: '丙', song: '— 0123456789丁', kai: '戊' });
  });
});

describe('GB/T 9704 geometry', () => {
  const g = pageGeometry();

  it('puts the first line’s em box at 37 mm and 22 lines within the 225 mm block', () => {
    const halfLeading = (LINE_PITCH_MM - SIZE_PT.body * MM_PER_PT) / 2;
    expect(g.marginTopMm + halfLeading).toBeCloseTo(TEXT_BLOCK.topMm, 6);
    const lastGlyphBottom = g.marginTopMm + GRID.linesPerPage * LINE_PITCH_MM - halfLeading;
    expect(lastGlyphBottom).toBeCloseTo(TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm, 6);
    expect(297 - g.marginBottomMm - g.marginTopMm).toBeLessThan((GRID.linesPerPage + 1) * LINE_PITCH_MM);
  });

  it('fits 28 tracked characters, and not 29, in the 156 mm line', () => {
    const advanceMm = (SIZE_PT.body + g.trackingPt) * MM_PER_PT;
    expect(28 * advanceMm).toBeLessThanOrEqual(TEXT_BLOCK.widthMm);
    expect(29 * advanceMm).toBeGreaterThan(TEXT_BLOCK.widthMm);
    expect(advanceMm).toBeCloseTo(CELL_MM, 2);
    // The page area is the block and a fraction of a millimetre for rounding.
    expect(210 - (g.marginLeftMm + TEXT_BLOCK.widthMm + g.marginRightMm)).toBeGreaterThan(0);
    expect(210 - (g.marginLeftMm + TEXT_BLOCK.widthMm + g.marginRightMm)).toBeLessThan(0.5);
  });

  it('numbers odd pages right and even pages left with U+2014 dashes', () => {
    const css = geometryCss();
    expect(css).toMatch(/@page :right \{\s*@bottom-right \{\s*content: "— " counter\(page\) " —";/);
    expect(css).toMatch(/@page :left \{\s*@bottom-left \{/);
  });
});

describe('line-breaking rules', () => {
  const render = (markdown: string) => renderContent(parseDocument(new VFile({ path: 'b.md', value: markdown })), 'b').content;

  it('binds "·" and a single "—" to the character before them, and leaves "——" alone', () => {
    const content = render('---\ntitle: 报告\n---\n\n代表·局长，2003—2022年，——破折号。\n');
    const bound = selectAll('.gw-nobreak', content).map((span) => (span.children[0] as { value: string }).value);
    expect(bound).toEqual(['表·', '3—']);
  });

  it('lets a line break between a Chinese character and a quotation mark', () => {
    const content = render('---\ntitle: 报告\n---\n\n数字化改革“1512+X”体系，“双联系”制度。\n');
    const paragraph = select('p.gw-body', content)!;
    const pieces = paragraph.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? `<${c.tagName}>` : ''));
    expect(pieces).toEqual(['数字化改革', '<wbr>', '“1512+X”', '<wbr>', '体系，“双联系”', '<wbr>', '制度。']);
  });

  it('lets a title break only between words', () => {
    const content = render('---\ntitle: 国务院办公厅关于加强三级公立医院绩效考核工作的意见\n---\n\n正文。\n');
    const title = select('h1', content)!;
    const pieces = title.children.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value);
    expect(pieces.join('')).toBe('国务院办公厅关于加强三级公立医院绩效考核工作的意见');
    expect(pieces).toContain('医院');
    expect(title.children.filter((c) => c.type === 'element' && c.tagName === 'wbr').length).toBe(pieces.length - 1);
  });

  it('never lets a title line start with a closing mark or end with an opening one', () => {
    const content = render('---\ntitle: 最高人民法院关于修改《最高人民法院关于在民事审判工作中适用〈工会法〉若干问题的解释》等二十七件民事类司法解释的决定\n---\n\n正文。\n');
    const pieces = select('h1', content)!.children.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value);
    for (const piece of pieces) {
      expect(piece).not.toMatch(/^[》〉，、）]/);
      expect(piece).not.toMatch(/[《〈（]$/);
    }
  });
});
