/**
 * Browser faults: time-outs with clear errors, a crashed or hung Chromium
 * relaunched once and the document retried, and no Chromium process left
 * behind, also after a failure. Faults are real: the browser is killed
 * (SIGKILL) or frozen (SIGSTOP) from outside.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCover } from '../../scripts/epub/cover.ts';
import { Renderer } from '../../scripts/render/renderer.ts';
import { fixtureDocument } from '../epub/helpers/fixture.ts';
import { chromiumLeftBehind, isolatedBrowserEnv, launchedChromium, scratchDir } from './helpers.ts';

const isolated = isolatedBrowserEnv();
let dir: string;
let page: string;

beforeAll(() => {
  // The browsers of this file make their profiles here: they can be told from other sessions' browsers.
  Object.assign(process.env, isolated.env);
  dir = scratchDir('faults');
  page = join(dir, 'page.html');
  writeFileSync(page, '<!doctype html><html lang="zh-CN"><body><div class="gw-document"><p>第一段。</p></div></body></html>');
});

afterAll(async () => {
  expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
});

/** A stand-in for Chromium: a script that starts and then never answers, or fails at once. */
function fakeChromium(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function withChromium<T>(path: string, action: () => Promise<T>): Promise<T> {
  process.env.GONGWEN_CHROMIUM = path;
  try {
    return await action();
  } finally {
    delete process.env.GONGWEN_CHROMIUM;
  }
}

/** A print without its dates, which differ from one print to the next. */
const undated = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');

describe('Renderer tabs', () => {
  it('reuses a tab from job to job, and closes, not reuses, one whose job failed', async () => {
    const renderer = new Renderer();
    try {
      const first = await renderer.run('open a tab', async (tab) => tab);
      expect(await renderer.run('open a tab', async (tab) => tab)).toBe(first);
      await expect(renderer.run('fail', async () => Promise.reject(new Error('the job failed')))).rejects.toThrow('the job failed');
      expect(first.isClosed()).toBe(true);
      expect(await renderer.run('open a tab', async (tab) => tab)).not.toBe(first);
    } finally {
      await renderer.close();
    }
  });

  it('readies the first tab once per browser: warmed up before each build (watch), two jobs at once still get two tabs', async () => {
    const renderer = new Renderer();
    try {
      await renderer.warmUp();
      await renderer.run('use the first tab', async () => undefined);
      await renderer.warmUp();
      const [a, b] = await Promise.all([1, 2].map(() => renderer.run('open a tab', async (tab) => tab)));
      expect(a).not.toBe(b);
    } finally {
      await renderer.close();
    }
  });

  it('prints the same in a reused tab, after a cover, as in a new one; covers in two tabs at once both finish', async () => {
    const renderer = new Renderer({ renderTimeoutMs: 20_000 });
    try {
      // Two tabs, both used for a print: a batch of two documents.
      const [fresh] = await Promise.all([renderer.print(page, []), renderer.print(page, [])]);
      const started = Date.now();
      // The tab behind the other one is photographed too (a screenshot of a tab behind never finished).
      const covers = await Promise.all([1, 2].map(() => renderer.run('photograph the cover', (tab) => renderCover(tab, fixtureDocument()))));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(covers[0]).toEqual(covers[1]);
      const reused = await renderer.print(page, []);
      expect(undated(reused.pdf)).toBe(undated(fresh.pdf));
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });
});

describe('Renderer', () => {
  it('prints, survives a browser killed between documents, and leaves nothing after close()', async () => {
    const renderer = new Renderer();
    try {
      expect((await renderer.print(page, [])).pdf.length).toBeGreaterThan(1000);
      process.kill(launchedChromium(), 'SIGKILL');
      expect((await renderer.print(page, [])).pdf.length).toBeGreaterThan(1000);
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('fails a job still running when it is closed, instead of relaunching a browser for it', async () => {
    const renderer = new Renderer();
    await renderer.warmUp();
    const running = renderer.run('wait', async (tab) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return tab.title();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await renderer.close();
    await expect(running).rejects.toThrow();
    await expect(renderer.print(page, [])).rejects.toThrow(/^the browser was closed before this job ran$/);
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('relaunches a browser that hangs while printing and retries the document', async () => {
    const renderer = new Renderer({ renderTimeoutMs: 10_000 });
    try {
      await renderer.print(page, []);
      process.kill(launchedChromium(), 'SIGSTOP');
      const started = Date.now();
      expect((await renderer.print(page, [])).pdf.length).toBeGreaterThan(1000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('relaunches a browser that crashes in the middle of a document and retries it', async () => {
    const renderer = new Renderer({ renderTimeoutMs: 30_000 });
    try {
      await renderer.print(page, []);
      // Frozen first, so the print is surely under way when the browser dies.
      const pid = launchedChromium();
      process.kill(pid, 'SIGSTOP');
      setTimeout(() => process.kill(pid, 'SIGKILL'), 500);
      const started = Date.now();
      expect((await renderer.print(page, [])).pdf.length).toBeGreaterThan(1000);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await renderer.close();
    }
  });

  it('gives up with one clear error when the retry times out too, and leaves nothing', async () => {
    const renderer = new Renderer({ renderTimeoutMs: 1 });
    try {
      await expect(renderer.print(page, [])).rejects.toThrow(/^Chromium did not print the page within 0\.001 s \(GONGWEN_RENDER_TIMEOUT=seconds waits longer\), also after relaunching it$/);
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('runs a job again when its browser is relaunched because another job hung (the cover beside a print)', async () => {
    const renderer = new Renderer({ renderTimeoutMs: 3_000 });
    try {
      let hangs = true;
      const hung = renderer.run('hang', async (tab) => {
        if (hangs) {
          hangs = false;
          await new Promise(() => undefined);
        }
        return tab.browser().version();
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      let attempts = 0;
      const photographed = renderer.run('photograph the cover', async (tab) => {
        attempts++;
        // The first attempt is still running when the hung job's browser is relaunched under it.
        if (attempts === 1) await new Promise((resolve) => tab.browser().once('disconnected', resolve));
        await tab.setContent('<p>封面</p>');
        return (await tab.screenshot({ type: 'png' })).length;
      });
      expect(await hung).toMatch(/Chrom/);
      expect(await photographed).toBeGreaterThan(100);
      expect(attempts).toBe(2);
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('does not retry a document that fails on its own, and still closes cleanly', async () => {
    const renderer = new Renderer();
    try {
      await expect(renderer.print(join(dir, 'missing.html'), [])).rejects.toThrow(/ERR_FILE_NOT_FOUND/);
    } finally {
      await renderer.close();
    }
    expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
  });

  it('gives a one-line error naming the executable when Chromium does not start in time, and kills it', async () => {
    const silent = fakeChromium('silent-chromium', `touch ${join(dir, 'silent-started')}\nexec sleep 60`);
    const renderer = new Renderer({ launchTimeoutMs: 1_500 });
    await withChromium(silent, async () => {
      await expect(renderer.print(page, [])).rejects.toThrow(/^could not start Chromium \(.*silent-chromium\): it did not answer within 1\.5 s; set GONGWEN_CHROMIUM/);
      // The failed launch is remembered: the next document fails at once.
      const started = Date.now();
      await expect(renderer.print(page, [])).rejects.toThrow(/did not answer/);
      expect(Date.now() - started).toBeLessThan(500);
    });
    await renderer.close();
    expect(existsSync(join(dir, 'silent-started'))).toBe(true);
    expect(await chromiumLeftBehind(silent)).toEqual([]);
  });

  it('gives a one-line error when Chromium exits at launch', async () => {
    const broken = fakeChromium('broken-chromium', 'echo "error while loading shared libraries: libnss3.so" >&2\nexit 127');
    const renderer = new Renderer();
    await withChromium(broken, async () => {
      const error = await renderer.print(page, []).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^could not start Chromium \(.*broken-chromium\): /);
      expect((error as Error).message).not.toContain('\n');
    });
    await renderer.close();
  });
});
