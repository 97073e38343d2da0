import type { Blockquote, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../scripts/parse/index.ts';

function parse(markdown: string) {
  const file = new VFile({ path: 'doc.md', value: markdown });
  return { ...parseDocument(file), file };
}

const roles = (tree: Root) => tree.children.map((n: RootContent) => [n.data?.role, toString(n)]);

describe('front matter', () => {
  it('puts the title block from the front matter at the top', () => {
    const { tree, meta } = parse('---\ntitle: 工作报告\noccasion: ——2024年1月30日在会议上\nspeaker: 主任　张三\ndate: 2024-01-30\n---\n\n各位代表：\n\n正文。\n');
    expect(meta).toMatchObject({ title: '工作报告', date: '2024-01-30', lang: 'zh-CN' });
    expect(roles(tree).slice(0, 4)).toEqual([
      ['title', '工作报告'],
      ['occasion', '——2024年1月30日在会议上'],
      ['speaker', '主任　张三'],
      ['salutation', '各位代表：'],
    ]);
  });

  it('takes a leading # heading as the title when the front matter has none', () => {
    const { meta, tree } = parse('# 关于某事的通知\n\n各单位：\n\n正文。\n');
    expect(meta.title).toBe('关于某事的通知');
    expect(roles(tree)[0]).toEqual(['title', '关于某事的通知']);
  });

  it.each([
    ['---\ntitle: [unclosed\n---\n\n正文。\n', /not valid YAML/, 2],
    ['---\ntitle: 报告\ndate: 30/01/2024\n---\n\n正文。\n', /`date` must be a date as yyyy-mm-dd/, 3],
    ['---\ntitle:\n  - a\n  - b\n---\n\n正文。\n', /`title` must be text, not a list/, 2],
    ['---\nauthor: 某机关\n---\n\n正文。\n', /no title/, 1],
    ['---\ntitle: 报告\n---\n', /no text after its front matter/, 3],
    ['---\n- just\n- a list\n---\n\n正文。\n', /must be a mapping/, 1],
  ])('rejects bad front matter with a located message: %j', (markdown, reason, line) => {
    let error: unknown;
    try {
      parse(markdown);
    } catch (e) {
      error = e;
    }
    expect(String((error as Error).message)).toMatch(reason);
    expect((error as { line?: number }).line).toBe(line);
  });

  it('reports unknown fields and keeps going', () => {
    const { file } = parse('---\ntitle: 报告\ncolour: red\n---\n\n正文。\n');
    expect(file.messages.map((m) => m.reason)).toEqual(['Unknown front matter field `colour`: ignored']);
  });
});

describe('roles', () => {
  const body = `---
title: 报告
---

各位代表：

开头。

## 过去一年的主要工作

### 一、强化政治引领

#### （一）加强理论武装

1\\. 第一项，内容。

（1）细目，内容。

切实加强理论武装。严格落实“第一议题”制度，开展专题学习22次。

一是始终旗帜鲜明讲政治，坚定把牢正确的政治方向。二是紧扣任务。

在看到成绩的同时，我们也清醒地认识到存在的短板和不足。

附件：某某办法

某某机关

2024年1月16日

（此件公开发布）
`;

  it('gives headings the level of their numbering and unnumbered ones the part role', () => {
    const { tree } = parse(body);
    const byText = new Map(roles(tree).map(([role, text]) => [text, role]));
    expect(byText.get('过去一年的主要工作')).toBe('part');
    expect(byText.get('一、强化政治引领')).toBe('level1');
    expect(byText.get('（一）加强理论武装')).toBe('level2');
    expect(byText.get('各位代表：')).toBe('salutation');
    expect(byText.get('附件：某某办法')).toBe('attachment-note');
    expect(byText.get('某某机关')).toBe('signature');
    expect(byText.get('2024年1月16日')).toBe('date');
    expect(byText.get('（此件公开发布）')).toBe('note');
  });

  it('marks a short lead sentence and leaves 一是… run-in text alone', () => {
    const { tree } = parse(body);
    const leads = tree.children.flatMap((n): RootContent[] => ('children' in n ? (n.children as RootContent[]) : [])).filter((n) => n.data?.role === 'lead');
    expect(leads.map((n) => toString(n))).toEqual(['切实加强理论武装。']);
  });

  it('takes a long 主送机关 list as the salutation, but only as the first paragraph', () => {
    const addressees = `${'各省、自治区、直辖市人民政府，国务院各部委、各直属机构，'.repeat(3)}各有关单位：`;
    const { tree } = parse(`---\ntitle: 通知\n---\n\n${addressees}\n\n正文。\n\n主要有：\n`);
    expect(roles(tree).slice(1).map(([role]) => role)).toEqual(['salutation', 'body', 'body']);
  });

  it('recognises 成文日期 in Chinese numerals', () => {
    const { tree } = parse('---\ntitle: 通报\n---\n\n各省人民政府：\n\n正文。\n\n国务院办公厅\n\n二〇〇四年一月十六日\n');
    expect(roles(tree).slice(-2)).toEqual([
      ['signature', '国务院办公厅'],
      ['date', '2004年1月16日'], // recognised, and set in the standard's form (see 成文日期 below)
    ]);
  });

  it('shows raw HTML as text, with a message, never as markup', () => {
    const { tree, file } = parse('---\ntitle: 报告\n---\n\n<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>。\n');
    expect(toString(tree)).toContain('<script>alert(1)</script>');
    expect(tree.children.some((n) => n.type === 'html')).toBe(false);
    expect(file.messages.filter((m) => m.ruleId === 'raw-html').map((m) => m.line)).toEqual([5, 7]);
  });
});

describe('quotations', () => {
  const decision = `---
title: 决定
---

各高级人民法院：

21.将第四十二条修改为：

“买卖合同存在下列约定内容之一的，不属于试用买卖：

（一）约定标的物经过试用符合要求时，买受人应当购买标的物；

矿业权转让合同自依法成立之日起具有法律约束力。当事人仅以未经批准为由请求确认合同无效的，不予支持。

（二）约定买受人在一定期限内可以退还标的物。”

22.将第四十五条修改为：

“法律对权利转让合同有规定的，依照其规定。”

（一）医疗质量。提供高质量的医疗服务是三级公立医院的核心任务。

“十四五”规划提出的目标任务，要逐项落实。

“放管服”改革要对标“最多跑一次”。
`;

  it('wraps paragraphs quoted whole in one blockquote whose paragraphs are body text: no heading, run-in heading or lead sentence inside', () => {
    const { tree } = parse(decision);
    const quotations = tree.children.filter((n): n is Blockquote => n.type === 'blockquote');
    expect(quotations.map((n) => [n.data?.role, n.children.length])).toEqual([['quotation', 4], ['quotation', 1]]);
    for (const quotation of quotations) {
      expect(roles(quotation as unknown as Root).map(([role]) => role)).toEqual(quotation.children.map(() => 'body'));
      expect((quotation.children as Paragraph[]).flatMap((p) => p.children).some((n) => n.type === 'strong')).toBe(false);
    }
  });

  it('leaves the document\'s own numbered paragraphs and inline quotations as they were', () => {
    const { tree } = parse(decision);
    const [runIn, ...inline] = tree.children.slice(-3) as Paragraph[];
    expect(runIn.children[0]).toMatchObject({ type: 'strong', data: { role: 'level2' } });
    expect(inline.map((p) => [p.type, p.data?.role])).toEqual([['paragraph', 'body'], ['paragraph', 'body']]);
  });

  it('turns a heading inside a quotation into a paragraph, with a message', () => {
    const { tree, file } = parse('---\ntitle: 决定\n---\n\n将第二章修改为：\n\n“第二章　合同的成立\n\n#### （一）一般规定\n\n当事人订立合同，可以采取书面形式。”\n');
    const [quotation] = tree.children.filter((n): n is Blockquote => n.type === 'blockquote');
    expect(quotation.children.map((n) => [n.type, n.data?.role, toString(n)])).toEqual([
      ['paragraph', 'body', '“第二章　合同的成立'],
      ['paragraph', 'body', '（一）一般规定'],
      ['paragraph', 'body', '当事人订立合同，可以采取书面形式。”'],
    ]);
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['heading-in-quotation', 9]]);
  });

  it('reports a quotation that never closes and reads its paragraphs as the document\'s own', () => {
    const { tree, file } = parse('---\ntitle: 决定\n---\n\n各单位：\n\n“第一款修改为：\n\n#### （一）一般规定\n\n正文。\n');
    expect(tree.children.some((n) => n.type === 'blockquote')).toBe(false);
    expect(roles(tree).slice(2)).toEqual([['body', '“第一款修改为：'], ['level2', '（一）一般规定'], ['body', '正文。']]);
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['unclosed-quotation', 7]]);
  });
});

describe('成文日期 (GB/T 9704-2012 7.3.5.1)', () => {
  const closing = (date: string) => parse(`---\ntitle: 关于某事的通报\n---\n\n各单位：\n\n正文。\n\n国务院办公厅\n\n${date}\n`);

  it('is set in Arabic numerals without padding zeros, with a message at the line, the source untouched', () => {
    for (const [written, standard] of [['二〇〇四年一月十六日', '2004年1月16日'], ['2019年01月06日', '2019年1月6日'], ['二〇二〇年十二月二十三日', '2020年12月23日']]) {
      const { tree, file } = closing(written);
      expect(roles(tree).at(-1)).toEqual(['date', standard]);
      const message = file.messages.find((m) => m.ruleId === 'signing-date');
      expect(message?.reason).toContain(`“${written}” is set “${standard}”`);
      expect(message?.line).toBe(11);
      expect(String(file.value)).toContain(written);
    }
  });

  it('is left alone, without a message, when already in the standard form', () => {
    const { tree, file } = closing('2004年1月16日');
    expect(roles(tree).at(-1)).toEqual(['date', '2004年1月16日']);
    expect(file.messages.filter((m) => m.ruleId === 'signing-date')).toEqual([]);
  });
});
