/**
 * Synthetic cases, one kind of noise or structure each: the rules must work
 * on documents they were not written against.
 */
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../scripts/import/index.ts';
import { normalisePunctuation } from '../../scripts/import/punctuation.ts';
import { readMarkdown } from './helpers.ts';

const BODY = '为进一步做好有关工作，经研究，现将有关事项通知如下。各单位要高度重视，认真组织实施，确保各项任务落到实处。';

function run(text: string, path = 'case.txt') {
  const result = importDocument(text, { path });
  const { meta, blocks } = readMarkdown(result.markdown);
  const ruleIds = result.file.messages.map((message) => message.ruleId);
  const body = blocks.map((block) => block.text);
  return { result, meta, blocks, body, ruleIds };
}

describe('page noise', () => {
  it.each([
    ['breadcrumb on one line', '您现在的位置：首页 » 信息公开 » 通知公告', 'import:breadcrumb'],
    ['breadcrumb without a label', '首页 > 政务公开 > 政策文件 > 正文', 'import:breadcrumb'],
    ['breadcrumb over lines', '当前位置：\n首页\n>\n新闻中心\n>\n工作动态', 'import:breadcrumb'],
    ['view count', '浏览次数：356', 'import:page-metadata'],
    ['font widget over lines', '【字体：\n大\n中\n小\n】', 'import:font-widget'],
    ['font widget on one line', '【字号：大 中 小】', 'import:font-widget'],
    ['print and close', '【打印本页】【关闭窗口】', 'import:page-widget'],
    ['share line', '分享到：微信 微博 QQ空间', 'import:page-widget'],
    ['QR code', '微信扫一扫', 'import:page-widget'],
    ['copyright', '版权所有：某某市人民政府办公室', 'import:site-footer'],
    ['ICP record', '浙ICP备05012345号-1', 'import:site-footer'],
    ['sponsor', '主办单位：某某县人民政府　承办单位：某某县大数据中心', 'import:site-footer'],
    ['editor line', '责任编辑：王小明', 'import:page-metadata'],
    ['photo caption', '图为会议现场。 新华社记者 李四 摄', 'import:photo-caption'],
    ['invisible line', '\u200B\u200B', 'import:invisible'],
    ['separator rule', '------', 'import:markup'],
    ['link to the next page', '下一篇：关于做好2024年防汛工作的通知', 'import:page-widget'],
    ['original-title line', '原标题：某某市部署安全生产工作', 'import:page-metadata'],
  ])('drops a %s with a message', (_name, noise, ruleId) => {
    const { body, ruleIds, result } = run(`某某市人民政府关于做好安全生产工作的通知\n\n${noise}\n\n各区县人民政府：\n\n${BODY}\n`);
    expect(ruleIds).toContain(ruleId);
    expect(body).toEqual(['各区县人民政府：', BODY]);
    expect(result.accounting.kept + result.accounting.moved + result.accounting.dropped).toBe(result.accounting.total);
  });

  it('moves publish time, source and view-count values given on the next line', () => {
    const { meta, body } = run(`发布时间：\n2023-05-06 08:30:00\n来源：\n某某日报\n阅读量：\n某某市人民政府关于做好安全生产工作的通知\n各区县人民政府：\n${BODY}`);
    expect(meta.published).toBe('2023-05-06');
    expect(meta.publisher).toBe('某某日报');
    expect(meta.title).toBe('某某市人民政府关于做好安全生产工作的通知');
    expect(body[0]).toBe('各区县人民政府：');
  });

  it('moves gov.cn metadata labels with spaces inside them, and keeps an empty label from eating the title', () => {
    const { meta } = run(
      `索 引 号：\n\n000014349/2020-00001\n\n发文机关：\n\n某某省人民政府\n\n成文日期：\n\n2020年03月02日\n\n标　　题：\n\n某某省人民政府关于加强水利工作的意见\n\n发文字号：\n\n某政发〔2020〕5号\n\n主 题 词：\n\n某某省人民政府关于加强\n\n水利工作的意见\n\n各市、县人民政府：\n\n${BODY}`,
    );
    expect(meta).toMatchObject({ title: '某某省人民政府关于加强水利工作的意见', author: '某某省人民政府', date: '2020-03-02', documentNumber: '某政发〔2020〕5号' });
  });

  it('reads an info bar with a bare 时间 label, but keeps a 时间： line of the document', () => {
    const { meta, body } = run(`某某市人民政府关于召开安全生产会议的通知\n时间：2024-01-02 09:30　来源：某某市应急管理局　字号：大 中 小\n各区县人民政府：\n一、会议安排\n时间：2024年1月10日上午9时\n${BODY}`);
    expect(meta).toMatchObject({ published: '2024-01-02', publisher: '某某市应急管理局' });
    expect(body).toContain('时间：2024年1月10日上午9时');
  });

  it('leaves a page-like label inside the running text alone', () => {
    const { body, meta } = run(`某某市统计局关于某某数据的说明\n各有关单位：\n${BODY}\n来源：国家统计局年度数据\n${BODY}`);
    expect(body).toContain('来源：国家统计局年度数据');
    expect(meta.publisher).toBeUndefined();
  });

  it('drops a second copy of the title (page headline, then the document’s own)', () => {
    const { meta, ruleIds } = run(`某某市人民政府关于做好安全生产工作的通知\n发布日期：2024-03-02\n|\n某某市人民政府关于做好\n安全生产工作的通知\n各区县人民政府：\n${BODY}`);
    expect(meta.title).toBe('某某市人民政府关于做好安全生产工作的通知');
    expect(ruleIds).toEqual(expect.arrayContaining(['import:page-headline', 'import:page-widget']));
  });

  it('decodes stray entities and removes zero-width characters inside text', () => {
    const { body, ruleIds } = run(`某某县人民政府关于做好防汛工作的通知\n各乡镇人民政府：\n各地要&nbsp;加强\u200B值守，&amp;做好准备。${BODY}`);
    expect(body[1]).toBe(`各地要加强值守，&做好准备。${BODY}`);
    expect(ruleIds).toEqual(expect.arrayContaining(['import:entity', 'import:zero-width']));
  });

  it('drops a repeated title and a trailing site name after the text, but keeps a 署名 followed by its date', () => {
    const title = '某某市人民政府关于做好安全生产工作的通知';
    const signed = run(`${title}\n各区县人民政府：\n${BODY}\n某某市人民政府\n2024年3月1日\n`);
    expect(signed.body.slice(-2)).toEqual(['某某市人民政府', '2024年3月1日']);
    expect(signed.meta).toMatchObject({ date: '2024-03-01', author: '某某市人民政府' });
    const footer = run(`${title}\n各区县人民政府：\n${BODY}\n${title}\n某某市人民政府网\n`);
    expect(footer.body).toEqual(['各区县人民政府：', BODY]);
    expect(footer.ruleIds).toEqual(expect.arrayContaining(['import:repeated-title', 'import:site-footer']));
    const thanks = run(`在某某会议上的讲话\n同志们：\n${BODY}\n谢谢大家\n`);
    expect(thanks.body.at(-1)).toBe('谢谢大家');
    const teaser = run(`${title}\n各区县人民政府：\n${BODY}\n${BODY.slice(0, 20)}……\n`);
    expect(teaser.body).toEqual(['各区县人民政府：', BODY]);
  });
});

describe('head', () => {
  it('joins a title split over three lines and drops a page headline that contains it', () => {
    const { meta } = run(`2024年某某市政府工作报告\n政府工作报告\n——2024年1月8日在某某市第十五届人民代表大会第三次会议上\n市长 李明\n各位代表：\n${BODY}`);
    expect(meta.title).toBe('政府工作报告');
    expect(meta.speaker).toBe('市长\u3000李明');
    expect(meta.date).toBe('2024-01-08');
    expect(meta.template).toBe('report');
  });

  it('drops a page’s column name above a complete title, but keeps an issuer line of a split title', () => {
    const labelled = run(`通知公告\n某某市人民政府关于做好安全生产工作的通知\n各区县人民政府：\n${BODY}`);
    expect(labelled.meta.title).toBe('某某市人民政府关于做好安全生产工作的通知');
    expect(labelled.ruleIds).toContain('import:page-headline');
    const joint = run(`中共某某市委办公室　某某市人民政府办公室\n印发《关于某某工作的意见》的通知\n各区县：\n${BODY}`);
    expect(joint.meta.title).toBe('中共某某市委办公室　某某市人民政府办公室印发《关于某某工作的意见》的通知');
    const split = run(`某某省人民政府办公厅\n某某市人民政府关于做好安全生产工作的通知\n各区县：\n${BODY}`);
    expect(split.meta.title).toBe('某某省人民政府办公厅某某市人民政府关于做好安全生产工作的通知');
  });

  it.each([
    ['――2023年12月5日在某某县委全会上', '——2023年12月5日在某某县委全会上'],
    ['2023年12月5日在某某县委全会上', '——2023年12月5日在某某县委全会上'],
    ['（2023年12月5日在某某县委全会上）', '——2023年12月5日在某某县委全会上'],
    ['—在某某县委全会上的讲话', '——在某某县委全会上的讲话'],
  ])('normalises the occasion line %s', (occasion, expected) => {
    const { meta } = run(`坚定信心　真抓实干\n${occasion}\n张三\n同志们：\n${BODY}`);
    expect(meta.occasion).toBe(expected);
    expect(meta.speaker).toBe('张三');
  });

  it('joins an occasion split over two lines and reads a date line in parentheses after it', () => {
    const { meta } = run(`在全市经济工作会议上的讲话\n——在某某市经济工作会议暨全市优化营商环境\n大会上\n（2024年2月18日）\n王五\n同志们：\n${BODY}`);
    expect(meta.occasion).toBe('——在某某市经济工作会议暨全市优化营商环境大会上');
    expect(meta.date).toBe('2024-02-18');
  });

  it('takes the 发文字号 and the 主送机关', () => {
    const { meta, body } = run(`某某省人民政府办公厅\n关于印发某某实施方案的通知\n某政办发〔2023〕12号\n各市、县（市、区）人民政府，省政府直属各单位：\n${BODY}`);
    expect(meta.title).toBe('某某省人民政府办公厅关于印发某某实施方案的通知');
    expect(meta.documentNumber).toBe('某政办发〔2023〕12号');
    expect(body[0]).toBe('各市、县（市、区）人民政府，省政府直属各单位：');
    expect(meta.template).toBe('document');
  });

  it('reads a speech from a news page: headline, dateline, bare-date info bar, widgets without colon, editor note', () => {
    const { meta, body, ruleIds } = run([
      '李四：在全省科技创新大会上的讲话', '2024年05月06日 10:45 来源：某某网', '【字号 大 中 小】【打印】【关闭】', '某某社杭州5月6日电',
      '在全省科技创新大会上的讲话', '（2024年5月6日）', '李四', '同志们，朋友们：', BODY, '（责编：王五、赵六）',
    ].join('\n'));
    expect(meta).toMatchObject({ title: '在全省科技创新大会上的讲话', speaker: '李四', date: '2024-05-06', published: '2024-05-06', publisher: '某某网', template: 'report' });
    expect(body).toEqual(['同志们，朋友们：', BODY]);
    expect(ruleIds).toEqual(expect.arrayContaining(['import:page-headline', 'import:font-widget', 'import:page-metadata']));
  });

  it('keeps a name-like fragment inside a title split over lines', () => {
    const { meta } = run(`某某市人民政府关于表彰\n先进集体\n和先进个人的决定\n各区县人民政府：\n${BODY}`);
    expect(meta.title).toBe('某某市人民政府关于表彰先进集体和先进个人的决定');
    expect(meta.speaker).toBeUndefined();
  });

  it('uses the letter template for a 函 and the minutes template for a 纪要', () => {
    expect(run(`某某市人民政府关于商请支持某某项目的函\n某某省发展改革委：\n${BODY}`).meta.template).toBe('letter');
    expect(run(`某某市人民政府常务会议纪要\n${BODY}`).meta.template).toBe('minutes');
  });
});

describe('body structure', () => {
  const doc = (lines: string[]) => run(['某某市人民政府关于推进某某工作的意见', '各区县人民政府：', ...lines].join('\n\n'));

  it('makes standalone 一、 / （一） / 第X章 headings and keeps numbered text paragraphs', () => {
    const { blocks } = doc(['一、总体要求', '（一）指导思想。', BODY, '（二）工作目标。到2025年，基本建立工作体系。', '1. 加强组织领导。', '（1）明确责任。', '第三章　附则', BODY]);
    const heads = blocks.filter((block) => block.kind === 'heading').map((block) => `${block.depth} ${block.text}`);
    expect(heads).toEqual(['3 一、总体要求', '4 （一）指导思想。', '3 第三章　附则']);
    expect(blocks.map((block) => block.text)).toContain('1. 加强组织领导。');
  });

  it('makes un-numbered part headings ## and keeps 一是 run-in text', () => {
    const { blocks } = doc(['过去一年的主要工作', `一是${BODY}二是${BODY}`, '今年的主要任务', BODY]);
    expect(blocks.filter((block) => block.depth === 2).map((block) => block.text)).toEqual(['过去一年的主要工作', '今年的主要任务']);
  });

  it('joins a line broken in mid-sentence', () => {
    const { body, ruleIds } = doc(['各地要充分认识做好安全生产工作的重要性和紧迫性，', '切实加强组织领导，确保各项措施落实到位。']);
    expect(body[1]).toBe('各地要充分认识做好安全生产工作的重要性和紧迫性，切实加强组织领导，确保各项措施落实到位。');
    expect(ruleIds).toContain('import:join-line');
  });

  it('keeps 附件说明, 署名, 成文日期, 附注 and 抄送 in order, and the attachment’s 一、 out of the main text', () => {
    const { blocks } = doc([
      '一、总体要求', BODY, '附件：1.某某工作任务分工', '2.某某项目清单', '3.某某资金安排', '某某市人民政府', '2024年5月6日', '（此件公开发布）', '抄送：市委办公室。',
      '附件 1：', '某某工作任务分工', '一、重点任务', BODY,
    ]);
    const texts = blocks.map((block) => block.text);
    expect(texts.slice(texts.indexOf('附件：1.某某工作任务分工'))).toEqual([
      '附件：1.某某工作任务分工', '2.某某项目清单', '3.某某资金安排', '某某市人民政府', '2024年5月6日', '（此件公开发布）', '抄送：市委办公室。', '附件1', '某某工作任务分工', '一、重点任务', BODY,
    ]);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['一、总体要求']);
  });

  it('keeps provisions quoted over several paragraphs as paragraphs', () => {
    const { blocks } = doc(['一、修改《某某规定》', '将第一条修改为：', '“第一条　为了规范管理，制定本规定。', '一、适用范围', '本规定适用于全市。”', BODY]);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['一、修改《某某规定》']);
  });

  it('reads a regulation: adoption note, table of contents, 第X章 headings, enumerations ending in ；', () => {
    const { meta, blocks, ruleIds } = run([
      '某某市物业管理条例',
      '（2023年10月26日某某市第十六届人民代表大会常务委员会第十五次会议通过　2023年11月30日某某省第十四届人民代表大会常务委员会第六次会议批准）',
      '目　　录', '第一章　总则', '第二章　业主', '第一章　总则', '第一条　为了规范物业管理活动，制定本条例。',
      '第二章　业主', '第二条　业主享有下列权利：', '（一）接受物业服务人提供的服务；', '（二）提议召开业主大会会议；', '（三）法律、法规规定的其他权利。',
    ].join('\n'));
    expect(meta.occasion).toMatch(/^（2023年10月26日.*批准）$/);
    expect(meta.date).toBe('2023-10-26');
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['第一章　总则', '第二章　业主']);
    expect(blocks.slice(0, 3).map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(ruleIds).not.toContain('import:flattened-table');
  });

  it('warns about a table flattened one cell per line and keeps the cells in order', () => {
    const { body, ruleIds } = doc(['序号', '项目名称', '责任单位', '完成时限', '1', '道路改造', '市交通局', '2024年底', BODY]);
    expect(body.slice(1, 9)).toEqual(['序号', '项目名称', '责任单位', '完成时限', '1', '道路改造', '市交通局', '2024年底']);
    expect(ruleIds).toContain('import:flattened-table');
  });
});

describe('punctuation (GB/T 15834) only in Chinese context', () => {
  it.each([
    ['我们要坚持,不懈:努力;奋斗!是吗?', '我们要坚持，不懈：努力；奋斗！是吗？'],
    ['编纂出版《志(2003—2022)》', '编纂出版《志（2003—2022）》'],
    ['会议于09:45:30开始,共1,000人参加', '会议于09:45:30开始，共1,000人参加'],
    ['构建“1512+X”体系, 比例为3:1', '构建“1512+X”体系，比例为3:1'],
    ['详见 https://www.gov.cn/a,b?c=1 的说明', '详见 https://www.gov.cn/a,b?c=1 的说明'],
    ['Hello, world (test): ok!', 'Hello, world (test): ok!'],
    ['f(x) = y, 2024-02-06', 'f(x) = y, 2024-02-06'],
    ['开展检查 ，确保安全 。', '开展检查，确保安全。'],
    ['深入实施"八八战略",建设"千年商港"', '深入实施“八八战略”，建设“千年商港”'],
    ['He said "hello" to 张三', 'He said "hello" to 张三'],
    ['只有一个"引号的句子', '只有一个"引号的句子'],
  ])('%s', (input, expected) => {
    expect(normalisePunctuation(input).text).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    const once = normalisePunctuation('坚持,不懈(努力): 奋斗!').text;
    expect(normalisePunctuation(once)).toEqual({ text: once, firstChange: -1, changed: '' });
  });
});

describe('Markdown input', () => {
  it('takes a # title and drops HTML comments', () => {
    const { meta, ruleIds } = run(`# 某某法院关于某某问题的批复\n\n<!-- INFO END -->\n\n某某省高级人民法院：\n\n${BODY}\n`, 'case.md');
    expect(meta.title).toBe('某某法院关于某某问题的批复');
    expect(ruleIds).toContain('import:markup');
  });
});
