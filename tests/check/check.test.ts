/**
 * `gongwen check` against PDFs printed by Chromium: a correct 22 × 28 page
 * passes every check, and each deliberately wrong one fails exactly the
 * check that matches its fault.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkPdf, type CheckResult } from '../../scripts/check/index.ts';
import { layoutOf, withoutSpaces } from '../../scripts/check/lines.ts';
import { readPdf } from '../../scripts/check/read-pdf.ts';
import { GRID, TEXT_BLOCK } from '../../scripts/standard/gbt9704.ts';
import { run } from '../../scripts/cli/commands/check.ts';
import { CFF_TITLE_FONT, CORRECT, launchBrowser, printFixture, type FixtureOptions } from './fixtures.ts';
import { mutoolLines } from './mutool.ts';

const WRONG: { name: string; options: FixtureOptions; fails: string[] }[] = [
  { name: '27 characters a line', options: { ...CORRECT, charsPerLine: 27 }, fails: ['chars-per-line'] },
  { name: '21 lines a page', options: { ...CORRECT, linesPerPage: 21 }, fails: ['lines-per-page'] },
  { name: '30 mm top margin', options: { ...CORRECT, firstLineTopMm: 30 }, fails: ['top-edge'] },
  { name: 'a Type 3 title font', options: { ...CORRECT, titleFont: CFF_TITLE_FONT }, fails: ['no-type3'] },
  { name: 'page numbers on the wrong side', options: { ...CORRECT, pageNumbersSwapped: true }, fails: ['page-number-side'] },
  { name: 'a line starting with ·', options: { ...CORRECT, secondLineStart: '·' }, fails: ['line-start'] },
  // Outside a quotation a paragraph opening with （一） is a second-level heading, which must be 楷体 (7.3.3).
  { name: 'numbered paragraphs in the body face, not quoted', options: { ...CORRECT, numberedParagraphs: 'plain' }, fails: ['fonts-elements'] },
  { name: 'a 版记 ending 10 mm above the block’s bottom edge', options: { ...CORRECT, recordLastRuleMm: TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm - 10 }, fails: ['record-last-rule'] },
  // Chromium's Type 3 fonts map 文 and 一 back to Kangxi radicals in the text layer.
  { name: 'a Type 3 title with radicals in its text layer', options: { ...CORRECT, titleFont: CFF_TITLE_FONT, title: '关于一个文件的报告' }, fails: ['no-type3', 'text-layer'] },
];

let dir: string;
const pdfs = new Map<string, string>();

// One browser prints every fixture and is closed before the checks run.
// Each print loads megabytes of CJK fonts: seconds apiece, more on a busy machine.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongwen-check-'));
  const browser = await launchBrowser();
  try {
    for (const [index, fixture] of [{ name: 'correct', options: CORRECT }, ...WRONG].entries()) {
      pdfs.set(fixture.name, await printFixture(browser, dir, `fixture-${index}`, fixture.options));
    }
  } finally {
    await browser.close();
  }
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ids = (checks: CheckResult[], status: CheckResult['status']) => checks.filter((check) => check.status === status).map((check) => check.id);

describe('gongwen check on Chromium PDFs', () => {
  test('a correct 22 × 28 page passes every check, and none is skipped', async () => {
    const report = await checkPdf(pdfs.get('correct')!);
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(report.passed).toBe(true);
  });

  test.each(WRONG)('$name fails exactly $fails', async ({ name, fails }) => {
    const report = await checkPdf(pdfs.get(name)!);
    expect(ids(report.checks, 'fail').sort()).toEqual([...fails].sort());
    expect(report.passed).toBe(false);
  });

  test('the failures name what was measured', async () => {
    const chars = (await checkPdf(pdfs.get('27 characters a line')!)).checks.find((check) => check.id === 'chars-per-line')!;
    expect(chars.measured).toMatch(/^27 characters/);
    const top = (await checkPdf(pdfs.get('30 mm top margin')!)).checks.find((check) => check.id === 'top-edge')!;
    expect(top.problems.every((problem) => /: 30\.\d mm$/.test(problem))).toBe(true);
    const side = (await checkPdf(pdfs.get('page numbers on the wrong side')!)).checks.find((check) => check.id === 'page-number-side')!;
    expect(side.problems).toHaveLength(4);
    const record = (await checkPdf(pdfs.get('a 版记 ending 10 mm above the block’s bottom edge')!)).checks.find((check) => check.id === 'record-last-rule')!;
    expect(record.problems).toHaveLength(1);
    expect(record.problems[0]).toMatch(/^p\. 4: last rule at 252\.\d mm$/);
  });
});

describe('the tagged structure of a Chromium PDF', () => {
  test('reaches the runs: the quoted paragraphs lie in a BlockQuote, the rest of the body in plain paragraphs', async () => {
    const lines = layoutOf((await readPdf(pdfs.get('correct')!)).pages).lines.filter((line) => line.role === 'body');
    const quoted = lines.filter((line) => line.runs.every((run) => run.structure.includes('BlockQuote')));
    expect(quoted.map((line) => withoutSpaces(line.text)[0])).toEqual(['“', expect.any(String), '（', expect.any(String), '（', expect.any(String)]);
    const others = lines.filter((line) => !quoted.includes(line));
    expect(others.length).toBeGreaterThan(quoted.length * 5);
    for (const line of others) expect(line.runs.some((run) => run.structure.includes('BlockQuote')), line.text).toBe(false);
    expect(others.find((line) => line.text.startsWith('各位代表'))!.runs[0].structure.at(-2)).toBe('P');
  });
});

describe('gongwen check command', () => {
  async function runCapturing(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await run(args);
      return { code, out: out.mock.calls.map((call) => call.join(' ')).join('\n'), err: err.mock.calls.map((call) => call.join(' ')).join('\n') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  test('exit 0 and a table for a correct PDF', async () => {
    const { code, out } = await runCapturing([pdfs.get('correct')!]);
    expect(code).toBe(0);
    expect(out).toMatch(/^chars-per-line\s+5\.2\.3\s+28 characters .*28\s+PASS$/m);
    expect(out).toMatch(/all 22 checks passed/);
  });

  test('exit 1 and JSON naming the failed check with --json', async () => {
    const { code, out } = await runCapturing([pdfs.get('30 mm top margin')!, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.passed).toBe(false);
    expect(report.checks.find((check: CheckResult) => check.id === 'top-edge')).toMatchObject({ status: 'fail', clause: '5.2.1', wanted: '37 mm ± 1' });
  });

  test('exit 2 with one line for a missing file, a non-PDF and bad usage', async () => {
    const notPdf = join(dir, 'not.pdf');
    await writeFile(notPdf, 'hello');
    const broken = join(dir, 'broken.pdf');
    await writeFile(broken, '%PDF-1.7\nnothing else');
    for (const args of [[join(dir, 'missing.pdf')], [notPdf], [broken], [], ['a.pdf', 'b.pdf'], ['--frobnicate', 'a.pdf']]) {
      const { code, err } = await runCapturing(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err.split('\n')[0]).toMatch(/^gongwen check: /);
    }
    expect((await runCapturing([join(dir, 'missing.pdf')])).err).toBe(`gongwen check: cannot read ${join(dir, 'missing.pdf')}: no such file`);
  });
});

describe('cross-check with MuPDF (mutool draw -F stext)', () => {
  test('pdfjs and MuPDF agree on the text, baseline and start of every line', async () => {
    const pdf = pdfs.get('correct')!;
    const ours = layoutOf((await readPdf(pdf)).pages).lines;
    const theirs = await mutoolLines(pdf);
    expect(theirs.map((line) => withoutSpaces(line.text))).toEqual(ours.map((line) => withoutSpaces(line.text)));
    theirs.forEach((line, index) => {
      expect(Math.abs(line.baselineMm - ours[index].baselineMm), line.text).toBeLessThan(0.1);
      expect(Math.abs(line.startMm - ours[index].startMm), line.text).toBeLessThan(0.1);
    });
  });

  test('MuPDF alone finds 22 lines on the full page, 28 characters on full lines, the block at 37 mm and 28 mm', async () => {
    const blockLines = (await mutoolLines(pdfs.get('correct')!)).filter((line) => !/^—\d+—$/.test(withoutSpaces(line.text)));
    const page2 = blockLines.filter((line) => line.page === 2);
    expect(page2).toHaveLength(GRID.linesPerPage);
    expect(Math.abs(page2[0].topMm - TEXT_BLOCK.topMm)).toBeLessThanOrEqual(TEXT_BLOCK.toleranceMm);
    expect(Math.abs(Math.min(...blockLines.map((line) => line.startMm)) - TEXT_BLOCK.leftMm)).toBeLessThanOrEqual(TEXT_BLOCK.toleranceMm);
    const rightMm = TEXT_BLOCK.leftMm + TEXT_BLOCK.widthMm;
    const fullLines = blockLines.filter((line) => line.startMm < TEXT_BLOCK.leftMm + 1 && line.endMm > rightMm - 1);
    expect(fullLines.length).toBeGreaterThan(20);
    expect(new Set(fullLines.map((line) => [...withoutSpaces(line.text)].length))).toEqual(new Set([GRID.charsPerLine]));
  });
});

describe('cross-check with poppler (pdffonts)', () => {
  /** pdffonts rows: name, type (may contain spaces), encoding, emb, sub, uni, object id, generation. */
  async function pdffonts(pdf: string): Promise<{ type: string; embedded: boolean; subset: boolean }[]> {
    const { stdout } = await promisify(execFile)('pdffonts', [pdf]);
    return stdout.split('\n').slice(2).filter(Boolean).map((row) => {
      const match = row.match(/^\S+\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/)!;
      return { type: match[1], embedded: match[2] === 'yes', subset: match[3] === 'yes' };
    });
  }

  test.each(['correct', 'a Type 3 title font'])('%s: fonts-embedded and no-type3 agree with pdffonts', async (name) => {
    const fonts = await pdffonts(pdfs.get(name)!);
    const outline = fonts.filter((font) => font.type !== 'Type 3');
    const report = await checkPdf(pdfs.get(name)!);
    const status = (id: string) => report.checks.find((check) => check.id === id)!.status;
    expect(status('no-type3')).toBe(fonts.some((font) => font.type === 'Type 3') ? 'fail' : 'pass');
    expect(status('fonts-embedded')).toBe(outline.every((font) => font.embedded && font.subset) ? 'pass' : 'fail');
    expect(outline.length).toBeGreaterThan(0);
  });
});
