/**
 * The no-op rebuild: when every document is up to date, `gongwen build`
 * answers from the cache records in plain JavaScript, without the TypeScript
 * loader, the pipeline or a browser, and prints what the full build prints.
 * Its decision is the build's own (planBuild): it must go stale on every
 * input the build depends on, and then the CLI builds through the pipeline.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PIPELINE_DIRS, toolFingerprint } from '../../scripts/build/fingerprint.js';
import { collectSources, planBuild } from '../../scripts/build/plan.js';
import { PROJECT, scratchTree, shortDocument } from './helpers.ts';

// 垟 is in no 仿宋 face: the build leaves a font-fallback message, which a no-op must print again.
const NOTICE = shortDocument('本通知自印发之日起施行。垟');
const tree = scratchTree({ 'notice.md': NOTICE });
const fonts = join(tree.root, 'fonts');
mkdirSync(fonts);
const notice = join(tree.src, 'notice.md');

interface Run {
  code: number;
  lines: string[];
  /** URLs of the modules the process loaded. */
  modules: string[];
}

/** `gongwen build src --out out` in the tree, as a user runs it, recording the modules it loads (./module-log.mjs). */
function build(...args: string[]): Promise<Run> {
  const log = join(mkdtempSync(join(tmpdir(), 'gongwen-modules-')), 'modules.txt');
  writeFileSync(log, '');
  const argv = ['--import', join(PROJECT, 'tests/build/module-log.mjs'), join(PROJECT, 'bin/gongwen.js'), 'build', 'src', '--out', 'out', ...args];
  const env = { ...process.env, GONGWEN_FONTS: fonts, GONGWEN_TEST_MODULE_LOG: log };
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: tree.root, env, encoding: 'utf8' }, (error, _stdout, stderr) => {
      const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      rmSync(log, { force: true });
      resolve({ code: error ? Number(error.code) : 0, lines: stderr.trim().split('\n'), modules });
    });
  });
}

const typeScript = (run: Run) => run.modules.filter((url) => url.endsWith('.ts'));
const heavy = (run: Run) => run.modules.filter((url) => /\/node_modules\/(tsx|esbuild|puppeteer|puppeteer-core|pdfjs-dist|pdf-lib|epub-gen-memory|unified)\//.test(url));
/** Modules of the pipeline as esbuild compiled them (scripts/cli/typescript.js). */
const compiled = (run: Run) => run.modules.filter((url) => url.includes('/node_modules/.cache/gongwen/code-'));
const fallbackMessage = (run: Run) => run.lines.filter((line) => line.includes('[fonts:font-fallback]'));

let first: Run;
beforeAll(async () => {
  first = await build();
  expect(first.code, first.lines.join('\n')).toBe(0);
});

describe('a no-op rebuild through the CLI', () => {
  it('loads no TypeScript, no pipeline module and no browser, and prints the same messages', async () => {
    const again = await build();
    expect(again.code).toBe(0);
    expect(typeScript(again)).toEqual([]);
    expect(heavy(again)).toEqual([]);
    expect(fallbackMessage(again)).toEqual(fallbackMessage(first));
    expect(fallbackMessage(again)).toHaveLength(1);
    expect(again.lines.slice(-2)).toEqual(['up to date src/notice.md', expect.stringMatching(/^0 built, 1 up to date, 0 failed in \d+\.\d\d s$/)]);
  });
});

describe('a build with work to do', () => {
  const tsx = (run: Run) => run.modules.filter((url) => url.includes('/node_modules/tsx/'));

  it('runs the pipeline compiled by esbuild (scripts/cli/typescript.js): no TypeScript loader, no .ts module', () => {
    expect(compiled(first).length).toBeGreaterThan(1);
    expect(first.lines).toContainEqual(expect.stringMatching(/^built src\/notice\.md → .*; not built into this folder before\)$/));
    expect(typeScript(first)).toEqual([]);
    expect(tsx(first)).toEqual([]);
  });

  it('runs it through tsx with GONGWEN_DEBUG, for stack traces into the sources', async () => {
    vi.stubEnv('GONGWEN_DEBUG', '1');
    try {
      const forced = await build('--force');
      expect(forced.code, forced.lines.join('\n')).toBe(0);
      // Each document built says why, after its timings.
      expect(forced.lines).toContainEqual(expect.stringMatching(/^built src\/notice\.md → .*; --force\)$/));
      expect(compiled(forced)).toEqual([]);
      expect(typeScript(forced)).toContain(new URL('../../scripts/build/index.ts', import.meta.url).href);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the up-to-date decision (shared by the CLI and the build)', () => {
  const outDir = tree.out;
  const stale = (options: { force?: boolean; outDir?: string } = {}) => planBuild(collectSources([tree.src]), { outDir, ...options }).stale.map((r) => r.source);
  afterEach(() => vi.unstubAllEnvs());

  it('is up to date after the build, with the messages of the build', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    const plan = planBuild(collectSources([tree.src]), { outDir });
    expect(plan.stale).toEqual([]);
    expect(plan.results[0].file.messages.map((m) => m.ruleId)).toContain('font-fallback');
  });

  it('goes stale when the source changes, and not when only its time does', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    writeFileSync(notice, NOTICE.replace('施行', '执行'));
    expect(stale()).toEqual([notice]);
    writeFileSync(notice, NOTICE);
    expect(stale()).toEqual([]);
  });

  it('goes stale when an output is removed or changed', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    const epub = join(tree.out, 'notice.epub');
    const bytes = readFileSync(epub);
    rmSync(epub);
    expect(stale()).toEqual([notice]);
    writeFileSync(epub, Buffer.concat([bytes.subarray(1), bytes.subarray(0, 1)]));
    expect(stale()).toEqual([notice]);
    writeFileSync(epub, bytes);
    expect(stale()).toEqual([]);
  });

  it('goes stale when a font is added to a font folder', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    const font = join(fonts, 'FangSong_GB2312.ttf');
    writeFileSync(font, 'not really a font');
    try {
      expect(stale()).toEqual([notice]);
    } finally {
      rmSync(font);
    }
    expect(stale()).toEqual([]);
  });

  it('goes stale when the environment that changes output does', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    expect(stale()).toEqual([notice]);
    vi.stubEnv('SOURCE_DATE_EPOCH', undefined);
    vi.stubEnv('GONGWEN_FONTS', join(tree.root, 'other-fonts'));
    expect(stale()).toEqual([notice]);
  });

  it('counts everything stale with --force or another output folder', () => {
    vi.stubEnv('GONGWEN_FONTS', fonts);
    expect(stale({ force: true })).toEqual([notice]);
    expect(stale({ outDir: join(tree.root, 'elsewhere') })).toEqual([notice]);
  });
});

describe('the tool fingerprint', () => {
  it('changes with the pipeline code and the packages, not with the CLI', () => {
    const project = mkdtempSync(join(tmpdir(), 'gongwen-tool-'));
    for (const dir of [...PIPELINE_DIRS, 'cli']) mkdirSync(join(project, 'scripts', dir), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    writeFileSync(join(project, 'scripts/render/pdf.ts'), 'export const a = 1;');
    const before = toolFingerprint(project);
    writeFileSync(join(project, 'scripts/cli/main.js'), 'export {};');
    expect(toolFingerprint(project)).toBe(before);
    writeFileSync(join(project, 'scripts/render/pdf.ts'), 'export const a = 2;');
    const afterCode = toolFingerprint(project);
    expect(afterCode).not.toBe(before);
    writeFileSync(join(project, 'package.json'), '{"dependencies":{}}');
    expect(toolFingerprint(project)).not.toBe(afterCode);
    rmSync(project, { recursive: true });
  });
});

describe('a rebuild through the CLI after an edit', () => {
  it('goes through the pipeline', async () => {
    writeFileSync(notice, shortDocument('本通知自二〇二四年四月一日起施行。垟'));
    const rebuilt = await build();
    expect(rebuilt.code, rebuilt.lines.join('\n')).toBe(0);
    expect(rebuilt.lines.at(-1)).toMatch(/^1 built, 0 up to date, 0 failed/);
    expect(compiled(rebuilt).some((url) => url.endsWith('/build/index.js'))).toBe(true);
    expect(readFileSync(join(tree.out, 'notice.html'), 'utf8')).toContain('二〇二四年四月一日');
  });
});
