/**
 * The head of a document, before its body: title (split titles joined, a
 * page headline above it dropped), occasion line, date line, adoption lines
 * of a 司法解释, 发文字号 and speaker. All of it moves to front matter; the
 * body starts at the salutation / 主送机关 or the first line that is none of
 * these.
 */
import { DATE_SOURCE, HAN, isDateLine, ISSUER_END, isoDate, length, SENTENCE_PUNCTUATION } from '../structure/chinese.ts';
import type { Ledger, SourceLine } from './ledger.ts';
import type { Meta } from './noise.ts';

const DASH_START = /^(?:——|――|—|--|－－|─|―)+\s*/;
const OCCASION_END = /(?:上|时|上的(?:讲话|报告|致辞|发言|主旨演讲|工作报告|说明)|[）)])$/;
const OCCASION_BODY = new RegExp(`^(?:${DATE_SOURCE})?在.{2,60}(?:会议|大会|典礼|仪式|论坛|座谈会|开幕式|闭幕式|会|上)`, 'u');
const ADOPTION = new RegExp(`^[（(]?${DATE_SOURCE}\\s*.{0,160}?(?:通过|施行|公布|发布|修正|修订|批准)[）)]?$`, 'u');
const DOCUMENT_NUMBER = /^\p{Script=Han}{1,16}\s*[〔[［(（]\d{4}[〕\]］)）]\s*第?\d+\s*号$/u;
const SALUTATION = /[:：]$/;
const NUMBERED = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[章节条编])/;
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
/** Words that end a title, never a name. */
const DOCUMENT_KIND = /(?:报告|讲话|通知|决定|意见|通报|公告|通告|决议|批复|函|纪要|办法|规定|条例|方案|规划|细则|致辞|发言|提案|议案|请示|命令|令)$/;

const SPEECH_TITLE = /上的(?:讲话|报告|致辞|发言|主旨演讲|工作报告)$/;

/** A title that names its issuer and subject by itself: "某某市人民政府关于…的通知", "在…会议上的讲话". */
function isCompleteTitle(text: string): boolean {
  if (text.startsWith('在') && SPEECH_TITLE.test(text)) return true;
  const about = text.indexOf('关于');
  const issuer = text.slice(0, about);
  return about > 0 && ISSUER_END.test(issuer) && !/[《〈“]/.test(issuer) && DOCUMENT_KIND.test(text);
}

function isOccasion(text: string): boolean {
  if (DASH_START.test(text)) return HAN.test(text.replace(DASH_START, ''));
  const bare = text.replace(/^[（(]|[）)]$/g, '');
  return OCCASION_BODY.test(bare) && OCCASION_END.test(text) && !SENTENCE_PUNCTUATION.test(bare);
}

function isTitleFragment(text: string): boolean {
  // A colon may sit inside ("习近平：在…上的讲话"), never at the end (a salutation).
  return length(text) <= 80 && !/[。；！？]/.test(text) && !/[:：]$/.test(text) && !NUMBERED.test(text) && !isDateLine(text);
}

/** 温州市人大常委会主任 葛益平 → post and name; a name alone (习近平) is a speaker too. */
function speakerOf(text: string): string | undefined {
  if (SENTENCE_PUNCTUATION.test(text) || length(text) > 40) return undefined;
  const parts = /^(.+?)[\s\u3000]+(\p{Script=Han}{2,4})$/u.exec(text);
  if (parts && !/\s/.test(parts[1]) && !DOCUMENT_KIND.test(parts[2])) return `${parts[1]}\u3000${parts[2]}`;
  if (PERSON_NAME.test(text) && !DOCUMENT_KIND.test(text)) return text;
  return undefined;
}

/** ——…会议上, from any dash form, parentheses or none; a date becomes `date`. */
function occasionText(text: string): string {
  return `——${text.replace(DASH_START, '').replace(/^[（(](.*)[）)]$/, '$1')}`;
}

interface HeadResult {
  /** Index of the first body line. */
  bodyStart: number;
}

/** Read the head; move its lines to front matter. */
export function readHead(lines: SourceLine[], ledger: Ledger, meta: Meta): HeadResult {
  let index = readTitle(lines, ledger, meta);
  const adoption: string[] = [];
  for (; index < lines.length; index++) {
    const line = lines[index];
    const text = line.text;
    if (isOccasion(text) && !meta.occasion) {
      const continued = !OCCASION_END.test(text) && lines[index + 1] && OCCASION_END.test(lines[index + 1].text) && length(lines[index + 1].text) <= 30;
      const joined = continued ? text + lines[index + 1].text : text;
      meta.occasion = occasionText(joined);
      meta.date ??= isoDate(joined);
      ledger.move(line, 'import:occasion', `occasion line to front matter${meta.occasion !== joined ? ` as “${meta.occasion}”` : ''}`);
      if (continued) ledger.move(lines[++index], 'import:occasion', 'second line of the occasion to front matter');
    } else if (ADOPTION.test(text)) {
      adoption.push(text);
      meta.date ??= isoDate(text);
      ledger.move(line, 'import:occasion', 'adoption line (…通过 / …施行) to front matter `occasion`');
    } else if (isDateLine(text)) {
      meta.date ??= isoDate(text);
      ledger.move(line, 'import:date', `date line to front matter (date: ${isoDate(text)})`);
    } else if (DOCUMENT_NUMBER.test(text.replace(/\s/g, ''))) {
      meta.documentNumber ??= text.replace(/\s/g, '');
      ledger.move(line, 'import:document-number', `发文字号 to front matter (documentNumber: ${meta.documentNumber})`);
    } else if (!meta.speaker && speakerOf(text) && !SALUTATION.test(text)) {
      meta.speaker = speakerOf(text);
      ledger.move(line, 'import:speaker', `speaker line to front matter as “${meta.speaker}”`);
    } else break;
  }
  if (adoption.length > 0) meta.occasion ??= adoption.join('\u3000');
  return { bodyStart: index };
}

/**
 * Title lines: short lines without sentence punctuation at the top. A `#`
 * heading is a title by its marker. A page headline that contains the real
 * title ("2026年某省政府工作报告" above "政府工作报告") is dropped.
 */
function readTitle(lines: SourceLine[], ledger: Ledger, meta: Meta): number {
  let end = 0;
  while (end < lines.length && end < 4) {
    const line = lines[end];
    if (line.depth === 1) {
      end++;
      break;
    }
    // "在…会议上的讲话" without a dash is a speech's title; "2024年1月30日在…会议上" is an occasion, but never a first line.
    const marked = /^[—―\-－─（(]/.test(line.text);
    const occasion = isOccasion(line.text) && (marked || (end > 0 && !SPEECH_TITLE.test(line.text)));
    if (line.depth || !isTitleFragment(line.text) || occasion || ADOPTION.test(line.text)) break;
    // A name alone ends the title, unless the title goes on after it ("关于表彰" / "先进集体" / "和先进个人的决定").
    const titleGoesOn = PERSON_NAME.test(line.text) && lines[end + 1] && isTitleFragment(lines[end + 1].text) && !speakerOf(lines[end + 1].text);
    if (end > 0 && speakerOf(line.text) && !titleGoesOn) break;
    if (DOCUMENT_NUMBER.test(line.text.replace(/\s/g, ''))) break;
    end++;
  }
  const titleLines = lines.slice(0, end);
  const joined = (from: number, to: number) => titleLines.slice(from, to).map((line) => line.text).join('');
  // The page's headline or a first copy of the title: its text holds all that follows.
  let split = 0;
  for (let at = titleLines.length - 1; at > 0; at--) if (joined(0, at).includes(joined(at, titleLines.length))) split = at;
  for (const line of titleLines.slice(0, split)) ledger.drop(line, 'import:page-headline', 'page headline (or a copy of the title) above the title');
  // A page's column name ("通知公告") above a title that is complete without it.
  for (let at = split + 1; at < titleLines.length; at++) {
    const above = joined(split, at);
    if (!isCompleteTitle(joined(at, titleLines.length)) || ISSUER_END.test(above) || /关于$/.test(above)) continue;
    for (const line of titleLines.slice(split, at)) ledger.drop(line, 'import:page-headline', 'page section label above the title');
    split = at;
    break;
  }
  const kept = titleLines.slice(split);
  if (kept.length > 0) {
    const title = kept.map((line) => line.text).join('');
    if (meta.title && meta.title !== title) ledger.warn(kept[0], 'import:title', `The title “${title}” differs from the page's 标题 “${meta.title}”; the document's own is used`);
    meta.title = title;
    for (const line of kept) ledger.move(line, 'import:title', `title line to front matter${kept.length > 1 ? ' (joined with the other title lines)' : ''}`);
  }
  return end;
}
