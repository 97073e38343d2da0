/**
 * Shared pieces of the build tests: a scratch tree of documents, a short
 * document that prints fast, and a renderer that counts (or forbids) prints.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Renderer } from '../../scripts/render/renderer.ts';

export const PROJECT = join(import.meta.dirname, '../..');
export const SAMPLE = join(PROJECT, 'source/wenzhou-npc-standing-committee-report-2024.md');

/** A short 公文 with a title, a heading and two paragraphs: two pages, a fast print. */
export function shortDocument(paragraph = '本通知自印发之日起施行。'): string {
  return [
    '---',
    'title: 关于开展安全生产检查的通知',
    'date: 2024-03-01',
    'author: 某市人民政府办公室',
    '---',
    '',
    '各区县人民政府，市政府各部门：',
    '',
    '## 一、检查范围',
    '',
    '全市各类生产经营单位，重点是危险化学品、建筑施工和道路交通领域。',
    '',
    paragraph,
    '',
  ].join('\n');
}

const scratchRoots: string[] = [];
// Registered in the suite of the test file that imports this module: its trees go when it ends.
afterAll(() => {
  for (const root of scratchRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder with `docs` (name → text or the sample's path) under src/, and an out/ beside it. */
export function scratchTree(docs: Record<string, string>): { root: string; src: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-build-'));
  scratchRoots.push(root);
  const src = join(root, 'src');
  mkdirSync(src);
  for (const [name, text] of Object.entries(docs)) {
    if (text === SAMPLE) copyFileSync(SAMPLE, join(src, name));
    else writeFileSync(join(src, name), text);
  }
  return { root, src, out: join(root, 'out') };
}

/** A Renderer that counts its prints; with `forbid`, any print fails the test. */
export function countingRenderer(forbid = false): Renderer & { prints: number } {
  const renderer = Object.assign(new Renderer(), { prints: 0 });
  const print = renderer.print.bind(renderer);
  renderer.print = async (...args) => {
    if (forbid) throw new Error('a print was not expected');
    renderer.prints += 1;
    return print(...args);
  };
  return renderer;
}

/** Files a build left beside its outputs under a temporary name. */
export const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('.tmp.'));

/** Pids of the processes in process group `pgid` (Chromium runs as its own group). */
export function processGroup(pgid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' }).trim().split('\n');
  return rows.map((row) => row.trim().split(/\s+/).map(Number)).filter(([, group]) => group === pgid).map(([pid]) => pid);
}
