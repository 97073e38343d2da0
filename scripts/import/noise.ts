/**
 * Page noise: what a web page wraps around a document. Each rule recognises
 * one kind (breadcrumb, publish-info block, font-size widget, share / print /
 * QR lines, site footer, editor line, photo caption) by its form, never by
 * one page's wording; information it carries (date, publisher, 文号, issuing
 * body) is moved to front matter, the rest is dropped with a message.
 */
import type { FrontMatter } from '../ast/types.ts';
import { isoDate, length } from '../structure/chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';

export type Meta = Partial<FrontMatter>;

interface NoiseContext {
  ledger: Ledger;
  meta: Meta;
  /** Items of the breadcrumb, to recognise the same labels standing alone. */
  breadcrumbItems: Set<string>;
  /** Indexes of the first and last running-text lines: page labels live outside them. */
  textStart: number;
  textEnd: number;
}

/** A rule looks at lines[index] (and maybe the lines after) and returns how many lines it settled. */
type NoiseRule = (lines: SourceLine[], index: number, context: NoiseContext) => number;

const COLON = '[:：]';
const BREADCRUMB_LABEL = new RegExp(`^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前的位置|所在位置)\\s*${COLON}`);
const BREADCRUMB_SEPARATOR = /\s*(?:>|＞|›|»|→|\/|-\s+>|>>)\s*/;
const SEPARATOR_ONLY = /^(?:[>＞›»→/|\-]\s*)+$/;

function isShortLabel(text: string): boolean {
  return length(text) <= 16 && !/[。，；！？,;!?]/.test(text);
}

/** 当前位置：首页 > 政务 > 要闻, also broken over several lines (label, item, separator, item …). */
const breadcrumb: NoiseRule = (lines, index, context) => {
  const first = lines[index];
  const labelled = BREADCRUMB_LABEL.test(first.text);
  const items = first.text.replace(BREADCRUMB_LABEL, '').split(BREADCRUMB_SEPARATOR).map((item) => item.trim()).filter(Boolean);
  const chain = !labelled && items.length >= 3 && items.every(isShortLabel) && /[>＞›»]/.test(first.text);
  if (!labelled && !chain) return 0;
  let end = index + 1;
  // A continuation follows the label or a separator; a separator line follows an item.
  let expectItem = labelled && (items.length === 0 || SEPARATOR_ONLY.test(first.text.slice(-1)));
  while (end < lines.length) {
    const text = lines[end].text;
    if (SEPARATOR_ONLY.test(text)) expectItem = true;
    else if (expectItem && isShortLabel(text)) {
      items.push(text);
      expectItem = false;
    } else break;
    end++;
  }
  for (const item of items) context.breadcrumbItems.add(item.replace(/^[>＞›»]+|[>＞›»]+$/g, '').trim());
  for (const line of lines.slice(index, end)) context.ledger.drop(line, 'import:breadcrumb', 'breadcrumb navigation');
  return end - index;
};

const GENERIC_LABELS = ['时间', '日期'];

/** Page labels and where their value goes: a front-matter key, or nowhere (null). */
const PAGE_LABELS: Array<{ labels: string[]; key: keyof Meta | null; value: RegExp }> = [
  { labels: ['发布时间', '发表时间', '发布日期', '更新时间'], key: 'published', value: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/ },
  { labels: ['成文日期'], key: 'date', value: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/ },
  { labels: ['来源', '信息来源', '文章来源', '稿件来源', '出处'], key: 'publisher', value: /^[^。]{1,40}$/ },
  { labels: ['发文机关', '发布机构', '发布机关'], key: 'issuer', value: /^[^。]{1,60}$/ },
  { labels: ['发文字号', '文号'], key: 'documentNumber', value: /^[^。]{1,30}号$|^[^。]{1,30}〕\d*$/ },
  { labels: ['标题'], key: 'title', value: /^[^。]{2,120}$/ },
  { labels: ['索引号', '主题分类', '主题词', '体裁分类', '组配分类', '服务对象', '有效性', '生效日期', '废止日期'], key: null, value: /^[^。]{1,60}$/ },
  { labels: ['阅读量', '阅读次数', '浏览次数', '浏览量', '点击数', '点击量', '访问量', '访问次数'], key: null, value: /^\d+$/ },
  { labels: ['作者', '编辑', '责任编辑', '责编', '审核', '校对', '终审', '初审', '记者', '通讯员', '供稿', '原标题', '原文链接'], key: null, value: /^[^。]{1,80}$/ },
  { labels: ['字号', '字体'], key: null, value: /^[大中小\s]+$/ },
  // Too common in documents ("时间：上午9时") to stand alone: page metadata only beside another label.
  { labels: GENERIC_LABELS, key: 'published', value: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/ },
];

function labelPattern(label: string): string {
  return [...label].join('[\\s\\u3000]*');
}

const ALL_LABELS = PAGE_LABELS.flatMap((entry) => entry.labels.map((label) => ({ label, entry })))
  // Longest first, so 发布日期 wins over 日期.
  .sort((a, b) => b.label.length - a.label.length);
const LABEL_AT = new RegExp(`[【\\[（(]?(${ALL_LABELS.map((item) => labelPattern(item.label)).join('|')})\\s*${COLON}`, 'g');

function entryFor(label: string) {
  const bare = label.replace(/[\s\u3000]/g, '');
  return ALL_LABELS.find((item) => item.label === bare)?.entry;
}

/** A publish date and time opening an info bar without a label: "2021年07月01日 10:45 来源：新华网". */
const LEADING_DATE = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s+/;

/** Split "发布时间：2024-02-06 来源：某网" into label/value pairs; undefined unless a label (or a bare date) opens the line. */
function labelledFields(text: string): Array<{ label: string; value: string }> | undefined {
  const leading = LEADING_DATE.exec(text);
  const rest = leading ? text.slice(leading[0].length) : text;
  const matches = [...rest.matchAll(LABEL_AT)];
  if (matches.length === 0 || matches[0].index !== 0) return undefined;
  const fields = matches.map((match, position) => {
    const start = match.index + match[0].length;
    const end = matches[position + 1]?.index ?? rest.length;
    return { label: match[1], value: rest.slice(start, end).replace(/[】\]）)]$/, '').trim() };
  });
  return leading ? [{ label: '发布时间', value: leading[1] }, ...fields] : fields;
}

/** Store a page value in front matter; a date keeps only its ISO day. Returns what was stored. */
function storeValue(meta: Meta, key: keyof Meta, value: string): string | undefined {
  if (key === 'published' || key === 'date') {
    const iso = isoDate(value);
    if (!iso) return undefined;
    meta[key] ??= iso;
    return iso;
  }
  (meta as Record<string, unknown>)[key] ??= value;
  return value;
}

/** A value on the line after its label, unless that line is another label or the document's title starting. */
function valueOnNextLine(next: SourceLine | undefined, pattern: RegExp, meta: Meta): boolean {
  if (!next || labelledFields(next.text)) return false;
  if (meta.title && meta.title.startsWith(next.text) && next.text !== meta.title) return false;
  return pattern.test(next.text);
}

/** 发布时间：… 来源：… 阅读量：…, gov.cn's 索 引 号 / 发文机关 / 成文日期 block; value on the same line or the next. */
const pageMetadata: NoiseRule = (lines, index, context) => {
  const line = lines[index];
  const fields = labelledFields(line.text);
  if (!fields || length(line.text) > 80 || (index > context.textStart && index < context.textEnd)) return 0;
  if (fields.length === 1 && GENERIC_LABELS.includes(fields[0].label)) return 0;
  const moved: string[] = [];
  let consumed = 1;
  for (const [position, field] of fields.entries()) {
    const entry = entryFor(field.label);
    if (!entry) continue;
    let value = field.value;
    const isLast = position === fields.length - 1;
    if (value === '' && isLast && valueOnNextLine(lines[index + 1], entry.value, context.meta)) {
      value = lines[index + 1].text;
      consumed = 2;
    }
    if (!entry.key || value === '') continue;
    const stored = storeValue(context.meta, entry.key, value);
    if (stored) moved.push(`${entry.key}: ${stored}`);
    // "发布时间:2024-02-06 某商会": what follows the date without a label is who published it.
    const rest = entry.key === 'published' ? value.replace(/^\S+(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/, '').trim() : '';
    if (rest && !/[:：]/.test(rest) && storeValue(context.meta, 'publisher', rest)) moved.push(`publisher: ${rest}`);
  }
  const settled = lines.slice(index, index + consumed);
  for (const settledLine of settled) {
    if (moved.length > 0) context.ledger.move(settledLine, 'import:page-metadata', `page metadata to front matter (${moved.join(', ')})`);
    else context.ledger.drop(settledLine, 'import:page-metadata', 'page metadata');
  }
  return consumed;
};

const FONT_WIDGET = new RegExp(`^[【\\[]?\\s*(?:字体|字号|文字)(?:\\s*${COLON}|[\\s】\\]]|$)`);
const FONT_SIZE_PART = /^[【】[\]\s大中小默认特标准超]+$/;

/** 【字体：大 中 小】, also one part per line, also followed by print / close buttons. */
const fontWidget: NoiseRule = (lines, index, context) => {
  const text = lines[index].text;
  const rest = text.replace(FONT_WIDGET, '').replace(/[大中小默认特标准超]/g, '').replace(WIDGET_FURNITURE, '');
  if (!FONT_WIDGET.test(text) || length(text) > 40 || (rest !== '' && !WIDGET_LINE.test(rest))) return 0;
  let end = index + 1;
  while (end < lines.length && FONT_SIZE_PART.test(lines[end].text) && length(lines[end].text) <= 10) end++;
  for (const line of lines.slice(index, end)) context.ledger.drop(line, 'import:font-widget', 'font-size widget');
  return end - index;
};

const WIDGET_WORDS = [
  '扫一扫在手机打开当前页', '扫一扫在手机上查看当前页面', '手机扫一扫', '微信扫一扫', '扫一扫', '扫码阅读', '手机阅读',
  '打印本页', '打印文章', '打印此页', '打印', '关闭窗口', '关闭本页', '关闭', '收藏本页', '收藏', '加入收藏',
  '分享到', '分享至', '分享', '返回顶部', '返回首页', '返回', '保存本页', '保存', '我要纠错', '纠错', '下载', '微信', '微博',
  'QQ空间', '顶部', '上一篇', '下一篇', '相关链接', '相关文章', '附件下载', 'TOP',
];
const WIDGET_LINE = new RegExp(`^(?:${WIDGET_WORDS.join('|')})+$`, 'i');
const WIDGET_FURNITURE = /[【】[\]|｜\s:：·•]/g;

/** Links to other pages: 上一篇：…, 相关阅读：… */
const PAGE_NAVIGATION = /^[【[]?(?:上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|相关新闻|推荐阅读|延伸阅读|热点推荐)[】\]]?\s*(?:[:：]|$)/;

/** Share / print / close / QR-code lines, links to other pages, and the lone brackets around them. */
const pageWidget: NoiseRule = (lines, index, context) => {
  const text = lines[index].text;
  const bare = text.replace(WIDGET_FURNITURE, '');
  if (bare !== '' && !WIDGET_LINE.test(bare) && !(PAGE_NAVIGATION.test(text) && length(text) <= 80)) return 0;
  context.ledger.drop(lines[index], 'import:page-widget', bare === '' ? 'a bracket or separator of a page widget' : 'share / print / close widget');
  return 1;
};

const FOOTER = /主办单位|承办单位|协办单位|主办[:：]|承办[:：]|版权所有|copyright|©|ICP\s*[备证]|网站标识码|公网安备|技术支持[:：]|联系我们|网站地图|网站声明|(?:建议|推荐)使用.{0,20}浏览器|(?:最佳|建议).{0,8}分辨率/i;

/** Site footer lines: 主办单位, 版权所有, ICP 备案 … */
const siteFooter: NoiseRule = (lines, index, context) => {
  const text = lines[index].text;
  if (!FOOTER.test(text) || length(text) > 100) return 0;
  context.ledger.drop(lines[index], 'import:site-footer', 'site footer');
  return 1;
};

/** A photographer's credit ends a caption: "… 记者 王鼎 摄", "（新华社记者 张三 摄）", "图为…". */
const CAPTION = /(?:^图为|[\s（(](?:\S{0,12}(?:记者|通讯员|摄影|图))?\s*\p{Script=Han}{2,4}\s*(?:摄|供图)[）)]?$)/u;

const photoCaption: NoiseRule = (lines, index, context) => {
  const text = lines[index].text;
  if (!CAPTION.test(text) || length(text) > 150) return 0;
  context.ledger.drop(lines[index], 'import:photo-caption', 'photo caption');
  return 1;
};

const RULES: NoiseRule[] = [breadcrumb, fontWidget, pageMetadata, pageWidget, siteFooter, photoCaption];

/** Drop or move the page noise; returns the lines that remain. */
export function removePageNoise(lines: SourceLine[], ledger: Ledger, meta: Meta): SourceLine[] {
  const isRunningText = (line: SourceLine) => length(line.text) > 40 && /[。；]/.test(line.text);
  const context: NoiseContext = {
    ledger, meta, breadcrumbItems: new Set(),
    textStart: lines.findIndex(isRunningText),
    textEnd: lines.findLastIndex(isRunningText),
  };
  let index = 0;
  while (index < lines.length) {
    const settled = RULES.reduce((count, rule) => count || rule(lines, index, context), 0);
    index += settled || 1;
  }
  const remaining = lines.filter((line) => !ledger.isSettled(line));
  return dropRepeatedNavigation(remaining, context);
}

/** A section label standing alone above the document ("政策法规") that the breadcrumb also names. */
function dropRepeatedNavigation(lines: SourceLine[], context: NoiseContext): SourceLine[] {
  const firstLongLine = lines.findIndex((line) => length(line.text) > 40);
  const head = firstLongLine < 0 ? lines : lines.slice(0, firstLongLine);
  for (const line of head) {
    if (context.breadcrumbItems.has(line.text)) context.ledger.drop(line, 'import:breadcrumb', 'navigation label that repeats the breadcrumb');
  }
  return lines.filter((line) => !context.ledger.isSettled(line));
}
