/**
 * Which Chromium the build launches: the one puppeteer downloaded when its
 * cache holds one, else a system Chromium. The `puppeteer` package is asked
 * only when its cache is there (loading it cost 0.25 s before every launch).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUMS } from '../../scripts/render/browser.ts';

const SAVED = ['PUPPETEER_CACHE_DIR', 'GONGWEN_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH'].map((name) => [name, process.env[name]] as const);
const dir = mkdtempSync(join(tmpdir(), 'gongwen-find-chromium-'));
const cache = join(dir, 'puppeteer-cache');

beforeAll(() => {
  // Set before puppeteer is first loaded in this process: it reads its cache folder then.
  process.env.PUPPETEER_CACHE_DIR = cache;
  delete process.env.GONGWEN_CHROMIUM;
  delete process.env.PUPPETEER_EXECUTABLE_PATH;
});

afterAll(() => {
  for (const [name, value] of SAVED) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('takes a system Chromium when puppeteer has no cache of browsers', () => {
    expect(existsSync(cache)).toBe(false);
    expect(SYSTEM_CHROMIUMS).toContain(findChromium());
  });

  it('takes the browser puppeteer downloaded when its cache holds it', () => {
    const downloaded = (createRequire(import.meta.url)('puppeteer') as { executablePath(): string }).executablePath();
    expect(downloaded.startsWith(cache)).toBe(true);
    mkdirSync(dirname(downloaded), { recursive: true });
    writeFileSync(downloaded, '#!/bin/sh\n');
    chmodSync(downloaded, 0o755);
    expect(findChromium()).toBe(downloaded);
  });
});
