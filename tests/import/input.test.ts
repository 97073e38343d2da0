/**
 * What the import accepts and refuses: encodings, line endings, saved web
 * pages, bad input; and the CLI around it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importDocument, ImportError } from '../../scripts/import/index.ts';
import { corpusPath, readMarkdown, SAMPLE_RAW } from './helpers.ts';

const sample = readFileSync(SAMPLE_RAW);
const sampleText = sample.toString('utf8');
const expected = importDocument(sample, { path: SAMPLE_RAW }).markdown;

describe('encodings and line endings', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sampleText, 'utf-16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sampleText, 'utf-16be')])],
    ['UTF-16LE without BOM', iconv.encode(sampleText, 'utf-16le')],
    ['GB18030', iconv.encode(sampleText, 'gb18030')],
    ['CRLF line endings', Buffer.from(sampleText.replace(/\n/g, '\r\n'))],
    ['lone CR line endings', Buffer.from(sampleText.replace(/\n/g, '\r'))],
  ])('%s imports to the same Markdown as the UTF-8 file', (_name, bytes) => {
    expect(importDocument(bytes, { path: SAMPLE_RAW }).markdown).toBe(expected);
  });

  it('reads GBK (which has no NBSP: the sample’s NBSPs become spaces on both sides)', () => {
    const text = sampleText.replace(/\u00A0/g, ' ');
    expect(importDocument(iconv.encode(text, 'gbk'), { path: SAMPLE_RAW }).markdown).toBe(importDocument(text, { path: SAMPLE_RAW }).markdown);
  });

  it('reads a short GBK text that byte statistics alone might call Japanese', () => {
    const text = '关于开展检查的通知\n各单位：\n请按要求开展检查。\n';
    const { meta } = readMarkdown(importDocument(iconv.encode(text, 'gbk'), { path: 'short.txt' }).markdown);
    expect(meta.title).toBe('关于开展检查的通知');
  });
});

describe('bad input gives one clear error', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['only blank lines', Buffer.from('\n \n\u3000\n'), /no text/],
    ['a binary file', Buffer.from(Array.from({ length: 600 }, (_, index) => (index * 37) % 256)), /binary|encoding/],
    ['page noise only', Buffer.from('当前位置：首页 > 新闻\n【打印本页】【关闭窗口】\n版权所有：某某网\n'), /no document text/],
  ])('%s', (_name, bytes, message) => {
    expect(() => importDocument(bytes, { path: 'bad.txt' })).toThrow(ImportError);
    expect(() => importDocument(bytes, { path: 'bad.txt' })).toThrow(message);
  });
});

describe('saved web page', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>标题_某某网</title>
<link rel="canonical" href="https://www.example.gov.cn/art/1.html"></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul>
<div class="main"><h1>某某县人民政府关于加强防汛工作的通知</h1>
<div class="info">发布日期：2024-06-01　来源：某某县水利局</div>
<div class="article"><p>各乡镇人民政府，县直各单位：</p>
<p>　　当前已进入主汛期,为切实做好防汛工作,现通知如下。</p>
<p>　　一、压实防汛责任</p><p>　　各乡镇要严格落实防汛责任制&sp;，确保责任到人。</p>
<p style="text-align:right">某某县人民政府</p><p style="text-align:right">2024年5月31日</p></div></div>
<div class="footer">主办单位：某某县人民政府办公室　网站标识码：1234567890</div></body></html>`;

  it('extracts the article, drops the page around it with messages and keeps the URL', () => {
    const result = importDocument(page, { path: 'page.html' });
    const { meta, blocks } = readMarkdown(result.markdown);
    expect(meta).toMatchObject({ title: '某某县人民政府关于加强防汛工作的通知', published: '2024-06-01', publisher: '某某县水利局', date: '2024-05-31', source: 'https://www.example.gov.cn/art/1.html' });
    expect(blocks.map((block) => block.text)).toEqual([
      '各乡镇人民政府，县直各单位：', '当前已进入主汛期，为切实做好防汛工作，现通知如下。', '一、压实防汛责任',
      '各乡镇要严格落实防汛责任制，确保责任到人。', '某某县人民政府', '2024年5月31日',
    ]);
    const droppedLines = result.accounting.lines.filter((line) => line.disposition === 'dropped');
    expect(droppedLines.map((line) => line.text).join('\n')).toMatch(/首页[\s\S]*政务公开[\s\S]*主办单位/);
    expect(droppedLines.find((line) => line.text === '首页')?.ruleId).toBe('import:page-chrome');
    const { total, kept, moved, dropped } = result.accounting;
    expect(kept + moved + dropped).toBe(total);
  });

  it('reads a gov.cn page: metadata table outside the article to front matter, article as from the copied text', () => {
    const path = corpusPath('10_govcn_circular_coalmine_accidents.txt');
    const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const metadataEnd = lines.findIndex((line) => /^主\s*题\s*词/.test(line)) + 1;
    const cells = lines.slice(0, metadataEnd);
    const rows = cells.map((cell, index) => (/[：:]$/.test(cell) ? `<tr><td>${cell}</td><td>${cells[index + 1] && !/[：:]$/.test(cells[index + 1]) ? cells[index + 1] : ''}</td></tr>` : '')).join('');
    const article = lines.slice(metadataEnd, -1).map((line) => `<p>${line}</p>`).join('\n');
    const html = `<html><head><meta charset="utf-8"></head><body><div class="nav"><a>首页</a> | <a>政策</a></div><table class="bd1">${rows}</table>
<div class="pages_content">${article}</div><div class="foot">扫一扫在手机打开当前页</div></body></html>`;
    const fromPage = readMarkdown(importDocument(html, { path: 'page.html' }).markdown);
    const fromText = readMarkdown(importDocument(readFileSync(path), { path }).markdown);
    expect({ ...fromPage.meta, source: path }).toEqual(fromText.meta);
    expect(fromPage.blocks).toEqual(fromText.blocks);
  });

  it('takes the title from <title> (without the site name) when the article has none', () => {
    const page = '<html><head><title>某某县人民政府关于做好防汛工作的通知_某某县人民政府网</title></head><body><div><p>各乡镇人民政府：</p><p>当前已进入主汛期，为切实做好防汛工作，现通知如下。各乡镇要严格落实防汛责任制，确保责任到人。</p></div></body></html>';
    const { meta, blocks } = readMarkdown(importDocument(page, { path: 'page.html' }).markdown);
    expect(meta.title).toBe('某某县人民政府关于做好防汛工作的通知');
    expect(blocks[0].text).toBe('各乡镇人民政府：');
  });

  it('reads a GB18030 page', () => {
    const bytes = iconv.encode(page.replace('utf-8', 'gb2312'), 'gb18030');
    expect(importDocument(bytes, { path: 'page.htm' }).markdown).toBe(importDocument(page, { path: 'page.htm' }).markdown);
  });
});

describe('gongwen import (CLI)', () => {
  const cli = (args: string[]) =>
    promisify(execFile)('node', ['bin/gongwen.js', 'import', ...args], { encoding: 'utf8' }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('writes the file with -o and prints the report with --report', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gongwen-import-'));
    const output = join(directory, 'out.md');
    const { code, stdout, stderr } = await cli([SAMPLE_RAW, '-o', output, '--report']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toBe(expected);
    expect(stderr).toMatch(/^source\/raw\/wenzhou-npc-standing-committee-report-2024\.txt:1:1: warning: Dropped .*政策法规.*\[import:breadcrumb\]$/m);
    expect(stderr).toMatch(/non-blank lines: \d+ kept, \d+ moved to front matter, \d+ dropped/);
  });

  it('fails with one line naming the file, and leaves no output behind', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gongwen-import-'));
    const input = join(directory, 'empty.txt');
    writeFileSync(input, '');
    const { code, stderr } = await cli([input, '-o', join(directory, 'out.md')]);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(input);
    expect(readdirSync(directory)).toEqual(['empty.txt']);
  });

  it('names an output it cannot write', async () => {
    const { code, stderr } = await cli([SAMPLE_RAW, '-o', 'no/such/dir/out.md']);
    expect(code).not.toBe(0);
    expect(stderr.trim()).toBe('gongwen import: no/such/dir/out.md: cannot write the output (ENOENT)');
  });

  it('names a missing file', async () => {
    const { code, stderr } = await cli(['no/such/file.txt']);
    expect(code).not.toBe(0);
    expect(stderr.trim()).toBe('gongwen import: no/such/file.txt: no such file');
  });
});
