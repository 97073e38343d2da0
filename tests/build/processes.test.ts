/**
 * Builds as separate processes, as users run them: interrupted by SIGINT or
 * SIGTERM in the middle of a print, and two at once on the same tree. Each
 * must leave whole outputs (or none) and no Chromium process.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocuments, collectSources } from '../../scripts/build/index.ts';
import { PROJECT, processGroup, SAMPLE, scratchTree, shortDocument, temporaryFiles } from './helpers.ts';

const CLI = join(PROJECT, 'bin/gongwen.js');
/** Child builds start Node, tsx and Chromium: seconds when idle, much more on a loaded 2-core runner. */
const LIMIT_MS = 240_000;

function gongwen(args: string[]): { child: ChildProcess; exit: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exit };
}

/** The Chromium a child process started: its direct child whose command is a browser. */
async function browserOf(parent: number, limitMs: number): Promise<number> {
  for (const started = Date.now(); Date.now() - started < limitMs; await new Promise((r) => setTimeout(r, 100))) {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' }).trim().split('\n');
    const found = rows.map((row) => row.trim().split(/\s+/)).find(([, ppid, comm]) => Number(ppid) === parent && /chrom/i.test(comm));
    if (found) return Number(found[0]);
  }
  throw new Error(`no browser under process ${parent} within ${limitMs} ms`);
}

describe('a build interrupted while printing', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it.concurrent(`by ${signal} leaves no partial file and no browser process`, async ({ expect }) => {
      // The sample report: its print takes long enough to be caught in the middle.
      const tree = scratchTree({ 'notice.md': SAMPLE });
      const { child, exit } = gongwen(['build', tree.src, '--out', tree.out]);
      const browser = await browserOf(child.pid!, LIMIT_MS);
      child.kill(signal);
      const { code } = await exit;
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      await expect.poll(() => processGroup(browser), { timeout: 5_000 }).toEqual([]);
      expect(temporaryFiles(tree.out)).toEqual([]);
      expect(['notice.pdf', 'notice.epub', 'notice.html'].filter((name) => existsSync(join(tree.out, name)))).toEqual([]);
    }, LIMIT_MS);
  }
});

describe('two builds of the same tree at once', () => {
  it('both succeed and leave whole outputs, byte-identical to a build alone', async () => {
    const docs = { 'a.md': shortDocument(), 'b.md': shortDocument('第二份通知。') };
    const alone = scratchTree(docs);
    await buildDocuments(collectSources([alone.src]), { outDir: alone.out });
    const shared = scratchTree(docs);
    const runs = [gongwen(['build', shared.src, '--out', shared.out]), gongwen(['build', shared.src, '--out', shared.out, '--force'])];
    const exits = await Promise.all(runs.map((run) => run.exit));
    expect(exits.map((e) => e.code), exits.map((e) => e.stderr).join('\n')).toEqual([0, 0]);
    for (const name of ['a.pdf', 'a.epub', 'b.pdf', 'b.epub']) {
      expect(readFileSync(join(shared.out, name)).equals(readFileSync(join(alone.out, name))), name).toBe(true);
    }
    expect(temporaryFiles(shared.out)).toEqual([]);
    expect(readdirSync(join(shared.out, '.cache/fonts')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 2 * LIMIT_MS);
});
