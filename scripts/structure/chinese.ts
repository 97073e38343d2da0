/** Small facts about Chinese text that the import rules and the structure stage share. */

export const HAN = /\p{Script=Han}/u;

/** Punctuation that ends a sentence or a clause in running text. */
export const SENTENCE_PUNCTUATION = /[。！？；：，、!?;:,]/;

/** How the name of an issuing body ends (国务院办公厅, 某某市人民政府, 某某委员会). */
export const ISSUER_END = /(?:省|市|县|区|州|盟|旗|乡|镇|部|委|局|厅|院|署|办|政府|委员会|中心|公司|集团|协会|联合会|党委|党组|银行)$/;

/** How the name of a website or medium ends (某某网, 某某日报客户端). */
export const SITE_END = /(?:网|网站|门户|客户端|日报|晚报|报社|新闻|电视台|广播电台|频道|公众号|在线)$/;

/** Chinese numerals of dates (二〇〇四年一月十六日) and of headings (二十七、). */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十六 → 16, 二十七 → 27, 二〇〇四 → 2004 (digit by digit when there is no 十/百). */
function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二三四五六七八九十百]+$/.test(text)) return undefined;
  if (!/[十百]/.test(text)) return Number([...text].map((char) => DIGITS[char]).join(''));
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGITS[char];
  }
  return total + current;
}

const NUMERAL = '[\\d〇零一二三四五六七八九十]';
/** A date written 2024年1月30日, 二〇〇四年一月十六日, 2024-02-06, 2024/2/6 or 2024.02.06. */
export const DATE_SOURCE = `(?:${NUMERAL}{4}年${NUMERAL}{1,3}月${NUMERAL}{1,3}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d))`;
const DATE_PARTS = new RegExp(`(${NUMERAL}{4})[年\\-/.](${NUMERAL}{1,3})[月\\-/.](${NUMERAL}{1,3})`, 'u');

/** The first date in the text as ISO yyyy-mm-dd. */
export function isoDate(text: string): string | undefined {
  const match = new RegExp(DATE_SOURCE, 'u').exec(text);
  if (!match) return undefined;
  const parts = DATE_PARTS.exec(match[0]);
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(chineseNumber);
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A line that is only a date, optionally in parentheses: 成文日期 or a report's date line. */
export function isDateLine(text: string): boolean {
  return new RegExp(`^[（(]?${DATE_SOURCE}[）)]?$`, 'u').test(text.replace(/\s/g, ''));
}

/** Visible length in characters (code points). */
export function length(text: string): number {
  return [...text].length;
}
