/**
 * The structure of the 公文 kinds: which roles the parse stage finds in a
 * document with attachments, a letter and minutes, which template a
 * document gets when its front matter names none, and the checks on the
 * front matter fields of the 版头 and 版记.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { selectAll } from 'hast-util-select';
import { parseDocument } from '../../scripts/parse/index.ts';
import { renderContent } from '../../scripts/template/index.ts';
import { writeEpub } from '../../scripts/epub/index.ts';
import { contentDocument, openEpub } from '../epub/helpers/read-epub.ts';

function parse(source: string) {
  return parseDocument(new VFile({ path: 'doc.md', value: source }));
}

function roles(source: string): Array<[string | undefined, string]> {
  return parse(source).tree.children.map((node) => [node.data?.role, toString(node)]);
}

const DOCUMENT = `---
title: 示例市人民政府关于做好春季防汛工作的通知
issuer: 示例市人民政府
documentNumber: 示政发〔2025〕3号
---

各区人民政府，市各委、办、局：

为做好春季防汛工作，现就有关事项通知如下：

### 一、提高认识

（一）压实责任。各地要落实防汛责任制。

附件：1.防汛责任人名单

示例市人民政府

2025年3月1日

（此件公开发布）

附件1

防汛责任人名单

一、市级责任人

张三

2025年2月28日
`;

describe('document kind', () => {
  it('finds 主送, headings, 附件说明, 署名, 成文日期 and 附注 in the main text, then the attachment', () => {
    expect(roles(DOCUMENT)).toEqual([
      ['title', '示例市人民政府关于做好春季防汛工作的通知'],
      ['salutation', '各区人民政府，市各委、办、局：'],
      ['body', '为做好春季防汛工作，现就有关事项通知如下：'],
      ['level1', '一、提高认识'],
      ['body', '（一）压实责任。各地要落实防汛责任制。'],
      ['attachment-note', '附件：1.防汛责任人名单'],
      ['signature', '示例市人民政府'],
      ['date', '2025年3月1日'],
      ['note', '（此件公开发布）'],
      ['attachment-label', '附件1'],
      ['attachment-title', '防汛责任人名单'],
      ['body', '一、市级责任人'],
      ['body', '张三'],
      // A date inside an attachment is the attachment's text, not the document's 成文日期.
      ['body', '2025年2月28日'],
    ]);
  });

  it('gets the document template from its issuer, number or 成文日期', () => {
    expect(parse(DOCUMENT).meta.template).toBe('document');
    expect(parse('---\ntitle: 关于某事的通知\n---\n\n正文。\n\n某单位\n\n2025年3月1日\n').meta.template).toBe('document');
  });
});

describe('run-in headings', () => {
  it('gives a numbered first sentence with text after it the level’s role; a one-sentence item stays text', () => {
    const { tree } = parse(`---
title: 示例
---

一、牢固树立“安全第一”思想。煤矿安全生产事关人民群众的生命财产安全。

（一）医疗质量。提供高质量的医疗服务是三级公立医院的核心任务。

二、提供复制件30件左右，用于现场展板。

切实加强理论武装。严格落实制度。
`);
    const opening = tree.children.map((node) => {
      const first = node.type === 'paragraph' ? node.children[0] : undefined;
      return first?.type === 'strong' ? [first.data?.role, toString(first)] : undefined;
    });
    expect(opening.slice(1)).toEqual([
      ['level1', '一、牢固树立“安全第一”思想。'],
      ['level2', '（一）医疗质量。'],
      undefined,
      ['lead', '切实加强理论武装。'],
    ]);
  });

  it('gives a run-in heading an id, so the EPUB nav can point at it', () => {
    const doc = parse('---\ntitle: 示例\n---\n\n一、牢固树立“安全第一”思想。煤矿安全生产事关大局。\n');
    const content = renderContent(doc, 'x').content;
    const strong = selectAll('strong', content)[0];
    expect([strong.properties.className, strong.properties.id]).toEqual([['gw-level1'], 'h2']);
  });
});

describe('quotations', () => {
  const DECISION = `---
title: 最高人民法院关于修改某解释的决定
issuer: 最高人民法院
template: document
---

各高级人民法院：

1.将第四十二条修改为：

“买卖合同存在下列约定内容之一的，不属于试用买卖：

（一）约定标的物经过试用符合要求时，买受人应当购买标的物；

（二）约定买受人在一定期限内可以退还标的物。”
`;

  it('sets quoted provisions as body paragraphs in a blockquote, in print and in the EPUB alike', async () => {
    const rendered = renderContent(parse(DECISION), 'decision');
    const quoted = selectAll('blockquote.gw-quotation > p', rendered.content);
    expect(quoted.map((p) => [p.properties.className, p.properties.id])).toEqual([[['gw-body'], undefined], [['gw-body'], undefined], [['gw-body'], undefined]]);
    const epub = await openEpub(await writeEpub(rendered));
    const chapters = await Promise.all(epub.spine.filter((item) => item.linear).map((item) => contentDocument(epub, item.path)));
    expect(chapters.join('')).toMatch(/<blockquote class="gw-quotation">\s*<p class="gw-body">“买卖合同[^<]*<\/p>\s*<p class="gw-body">（一）约定[^<]*<\/p>\s*<p class="gw-body">（二）约定[^<]*<\/p>\s*<\/blockquote>/);
  });
});

describe('letter and minutes kinds', () => {
  it('takes a title ending in 函 for a letter', () => {
    expect(parse('---\ntitle: 示例市图书馆关于商请提供资料的函\n---\n\n示例馆：\n\n正文。\n').meta.template).toBe('letter');
  });

  it('marks the 出席, 请假 and 列席 lines of minutes, the word as a label', () => {
    const source = `---
title: 示例市政府常务会议纪要
---

会议研究了春季防汛工作。

出席：张三、李四

请假：王五

列席：赵六
`;
    const doc = parse(source);
    expect(doc.meta.template).toBe('minutes');
    const lines = doc.tree.children.filter((node) => node.data?.role === 'attendance');
    expect(lines.map((node) => toString(node))).toEqual(['出席：张三、李四', '请假：王五', '列席：赵六']);
    const label = lines[0].type === 'paragraph' ? lines[0].children[0] : undefined;
    expect(label?.data?.role).toBe('attendance-label');
    expect(label && toString(label)).toBe('出席：');
  });

  it('keeps a report a report, and an explicit template wins', () => {
    expect(parse('---\ntitle: 工作报告\noccasion: ——在会议上\n---\n\n各位代表：\n').meta.template).toBe('report');
    expect(parse('---\ntitle: 关于某事的函\ntemplate: document\n---\n\n正文。\n').meta.template).toBe('document');
  });
});

describe('front matter of the 版头 and 版记', () => {
  it('reads names or lists of names, and ISO dates', () => {
    const { meta } = parse(`---
title: 示例
issuer: 示例市人民政府
signer: [张三, 李四]
copyTo: 市委办公室
printedBy: 示例市人民政府办公室
printedDate: 2025-03-02
copyNumber: 12
secrecy: 秘密★1年
urgency: 特急
---

正文。
`);
    expect(meta).toMatchObject({ signer: ['张三', '李四'], copyTo: '市委办公室', printedDate: '2025-03-02', copyNumber: '12', secrecy: '秘密★1年', urgency: '特急' });
  });

  it('warns when 密级 or 紧急程度 are not the standard’s words, at the field’s line', () => {
    const file = new VFile({ path: 'doc.md', value: '---\ntitle: 示例\nsecrecy: 内部\nurgency: 急\n---\n\n正文。\n' });
    parseDocument(file);
    expect(file.messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([
      '3: Front matter field `secrecy` should start with 绝密, 机密 or 秘密, not `内部`',
      '4: Front matter field `urgency` should be 特急 or 加急, not `急`',
    ]);
  });

  it('fails a list of non-names and a date that is not ISO, naming the field', () => {
    expect(() => parse('---\ntitle: 示例\ncopyTo: [1, {a: 2}]\n---\n\n正文。\n')).toThrow(/`copyTo` must be a name or a list of names/);
    expect(() => parse('---\ntitle: 示例\nprintedDate: 2025年3月2日\n---\n\n正文。\n')).toThrow(/`printedDate` must be a date as yyyy-mm-dd/);
  });
});
