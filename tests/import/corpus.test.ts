/**
 * The real documents of shared/corpus and the sample: the structure the
 * corpus README expects, the line accounting, idempotence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../scripts/import/index.ts';
import { corpusPath, hanOf, importFile, readMarkdown, SAMPLE_RAW, structureOf } from './helpers.ts';

interface Expected {
  file: string;
  title: string;
  occasion?: string;
  speaker?: string;
  date?: string;
  salutation?: string;
  level1: number;
  /** Numbering levels that must open blocks in the main text (the deepest last). */
  levels: string[];
  runIn?: boolean;
  attachmentNote?: string;
  attachmentLevels?: string[];
  signature?: string;
  dateLine?: string;
  template: string;
}

const MAIN_SENDERS = '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：';

const EXPECTED: Expected[] = [
  {
    file: SAMPLE_RAW,
    title: '温州市人民代表大会常务委员会工作报告',
    occasion: '——2024年1月30日在温州市第十四届人民代表大会第四次会议上',
    speaker: '温州市人大常委会主任\u3000葛益平',
    date: '2024-01-30',
    salutation: '各位代表：',
    level1: 6,
    levels: ['一、'],
    runIn: true,
    template: 'report',
  },
  {
    file: corpusPath('01_ningxia_gov_report_2026.txt'),
    title: '政府工作报告',
    occasion: '——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上',
    speaker: '自治区人民政府主席\u3000张雨浦',
    date: '2026-02-03',
    salutation: '各位代表：',
    level1: 3,
    levels: ['一、', '（一）'],
    runIn: true,
    template: 'report',
  },
  {
    file: corpusPath('06_cpc20_congress_report_2022.txt'),
    title: '高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗',
    occasion: '——在中国共产党第二十次全国代表大会上的报告',
    speaker: '习近平',
    date: '2022-10-16',
    salutation: '同志们：',
    level1: 15,
    levels: ['一、', '（一）'],
    template: 'report',
  },
  {
    file: corpusPath('07_govcn_opinion_hospital_kpi_with_table_annex.txt'),
    title: '国务院办公厅关于加强三级公立医院绩效考核工作的意见',
    date: '2019-01-16',
    salutation: MAIN_SENDERS,
    level1: 5,
    levels: ['一、', '（一）'],
    attachmentNote: '附件：三级公立医院绩效考核指标',
    attachmentLevels: ['一、', '（一）', '1.'],
    signature: '国务院办公厅',
    dateLine: '2019年1月16日',
    template: 'document',
  },
  {
    file: corpusPath('10_govcn_circular_coalmine_accidents.txt'),
    title: '国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报',
    date: '2004-01-16',
    salutation: MAIN_SENDERS,
    level1: 4,
    levels: ['一、'],
    runIn: true,
    signature: '国务院办公厅',
    dateLine: '二〇〇四年一月十六日',
    template: 'document',
  },
  {
    file: corpusPath('13_spc_decision_amending_27_interpretations.txt'),
    title: '最高人民法院关于修改《最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释》等二十七件民事类司法解释的决定',
    occasion: '2020年12月23日 最高人民法院审判委员会第1823次会议通过\u30002021年1月1日 施行',
    date: '2020-12-23',
    level1: 27,
    levels: ['一、', '1.'],
    template: 'document',
  },
];

describe.each(EXPECTED)('$file', (expected) => {
  const result = importFile(expected.file);
  const { meta, blocks } = readMarkdown(result.markdown);
  const structure = structureOf(blocks);

  it('finds the head: title, occasion, speaker, date, template', () => {
    expect(meta.title).toBe(expected.title);
    expect(meta.occasion).toBe(expected.occasion);
    expect(meta.speaker).toBe(expected.speaker);
    expect(meta.date).toBe(expected.date);
    expect(meta.template).toBe(expected.template);
  });

  it('starts the body with the salutation / 主送机关', () => {
    expect(structure.salutation).toBe(expected.salutation);
  });

  it('counts the main text’s own 一、 sections and numbering levels', () => {
    expect(structure.level1).toBe(expected.level1);
    expect(Object.keys(structure.levels)).toEqual(expected.levels);
    expect(structure.runIn > 0).toBe(expected.runIn ?? false);
  });

  it('keeps 附件说明, 署名 and 成文日期 as closing paragraphs and the attachment apart', () => {
    expect(structure.attachmentNote).toBe(expected.attachmentNote);
    expect(Object.keys(structure.attachmentLevels)).toEqual(expected.attachmentLevels ?? []);
    if (expected.signature) {
      const signatureAt = structure.lastParagraphs.indexOf(expected.signature);
      expect(signatureAt).toBeGreaterThanOrEqual(0);
      expect(structure.lastParagraphs[signatureAt + 1]).toBe(expected.dateLine);
    }
  });

  it('accounts for every non-blank input line: kept + moved + dropped', () => {
    const raw = readFileSync(expected.file, 'utf8').split(/\r\n|\r|\n/);
    const nonBlank = raw.flatMap((line, index) => (/\S/.test(line) ? [index + 1] : []));
    const { accounting } = result;
    expect(accounting.total).toBe(nonBlank.length);
    expect(accounting.kept + accounting.moved + accounting.dropped).toBe(nonBlank.length);
    expect(accounting.lines.map((line) => line.line)).toEqual(nonBlank);
  });

  it('has every kept line’s text in the body, in order, and a message for every other line', () => {
    const body = hanOf(blocks.map((block) => block.text).join(''));
    let from = 0;
    for (const line of result.accounting.lines) {
      if (line.disposition === 'kept') {
        const at = body.indexOf(hanOf(line.text), from);
        expect(at, `line ${line.line} “${line.text}”`).toBeGreaterThanOrEqual(0);
        from = at;
      } else {
        const message = result.file.messages.find((m) => m.line === line.line && m.ruleId === line.ruleId);
        expect(message, `line ${line.line} ${line.disposition}`).toBeDefined();
      }
    }
  });

  it('is idempotent: importing the cleaned Markdown changes nothing', () => {
    const again = importDocument(result.markdown, { path: 'cleaned.md' });
    expect(again.markdown).toBe(result.markdown);
    // Only warnings about kept text (a flattened table) may repeat; nothing is rewritten or dropped.
    const changes = again.file.messages.filter((message) => message.fatal === false && message.ruleId !== 'import:flattened-table');
    expect(changes.map(String)).toEqual([]);
  });
});

describe('the sample’s report (issue 2: what is dropped, moved and rewritten)', () => {
  const { accounting, file } = importFile(SAMPLE_RAW);
  const raw = readFileSync(SAMPLE_RAW, 'utf8').split('\n');
  const lineOf = (start: string) => raw.findIndex((line) => line.startsWith(start)) + 1;

  it('drops exactly the breadcrumb lines and the trailing site name', () => {
    const dropped = accounting.lines.filter((line) => line.disposition === 'dropped').map((line) => [line.line, line.ruleId]);
    expect(dropped).toEqual([
      [lineOf('政策法规'), 'import:breadcrumb'],
      [lineOf('当前位置'), 'import:breadcrumb'],
      [lineOf('温州市人民政府'), 'import:site-footer'],
    ]);
  });

  it('moves the title, 发布时间, occasion and speaker lines to front matter', () => {
    const moved = accounting.lines.filter((line) => line.disposition === 'moved').map((line) => line.line);
    expect(moved).toEqual([lineOf('温州市人民代表大会常务委员会工作报告'), lineOf('发布时间'), lineOf('2024年1月30日'), lineOf('温州市人大常委会主任')]);
  });

  it('reports the empty 【】 and the half-width punctuation where they are', () => {
    const bracketLine = raw.findIndex((line) => line.includes('【】')) + 1;
    const bracket = file.messages.find((message) => message.ruleId === 'import:empty-bracket');
    expect([bracket?.line, bracket?.column]).toEqual([bracketLine, raw[bracketLine - 1].indexOf('【】') + 1]);
    const punctuated = raw.flatMap((line, index) => (/[,:;!?()]/.test(line) && /\p{Script=Han}/u.test(line) ? [index + 1] : []));
    const reported = file.messages.filter((message) => message.ruleId === 'import:punctuation').map((message) => message.line);
    expect(reported).toEqual(punctuated.filter(isKept));
  });

  function isKept(line: number): boolean {
    return accounting.lines.some((account) => account.line === line && account.disposition === 'kept');
  }
});
