/**
 * Properties over generated documents built from the kinds of lines real
 * pages hold: the import is total (a document or an ImportError), accounts
 * for every line, and is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocument, ImportError } from '../../scripts/import/index.ts';

const LINES = [
  '当前位置：首页 > 政务公开', '首页', '>', '【字体：大 中 小】', '发布时间：2024-01-02 来源：某某网', '阅读量：', '12',
  '某某市人民政府关于做好某某工作的通知', '关于做好', '某某工作的通知', '——2024年1月5日在某某会议上', '（2024年1月5日）', '市长 张三',
  '各位代表：', '同志们:', '一、总体要求', '（一）指导思想。', '（二）主要目标。到2025年,基本建立体系(试行)。', '1. 加强领导。', '（1）明确责任；',
  '过去一年的主要工作', '一是加强领导,二是压实责任!', '各地要充分认识做好工作的重要性和紧迫性，', '切实加强组织领导，确保落实到位。',
  '“第一条　为了规范管理，制定本规定。', '本规定适用于全市。”', '附件：1.任务分工', '附件1', '某某市人民政府', '二〇二四年一月十六日',
  '（此件公开发布）', '抄送：市委办公室。', '扫一扫在手机打开当前页', '【打印本页】', '版权所有：某某网', '&nbsp;&nbsp;', '\u200B',
  '序号', '任务', '责任单位', '坚持"两个确立",做到"两个维护"', '"半个引号', '引号"结束。', '详见 https://www.example.gov.cn/a,b?c=1 。', '　　', '',
];

const documents = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

function tryImport(text: string) {
  try {
    return importDocument(text, { path: 'generated.txt' });
  } catch (error) {
    if (error instanceof ImportError) return undefined;
    throw error;
  }
}

describe('generated documents', () => {
  it('give a document or an ImportError, with every non-blank line accounted for', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const result = tryImport(text);
        if (!result) return;
        const nonBlank = text.split('\n').filter((line) => /\S/.test(line)).length;
        const { total, kept, moved, dropped } = result.accounting;
        expect(total).toBe(nonBlank);
        expect(kept + moved + dropped).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it('import their own output unchanged', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const result = tryImport(text);
        if (!result) return;
        expect(importDocument(result.markdown, { path: 'cleaned.md' }).markdown).toBe(result.markdown);
      }),
      { numRuns: 300 },
    );
  });
});
