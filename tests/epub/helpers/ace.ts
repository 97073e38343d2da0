/**
 * Ace by DAISY, the EPUB accessibility checker, in its puppeteer flavour
 * (`ace-puppeteer`) driving the system Chromium. Not a project dependency:
 * its Electron flavour downloads a browser at install time, which this
 * machine cannot; install it globally with
 *   ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../../../scripts/render/browser.ts';

const run = promisify(execFile);
const ACE = process.env.ACE_PUPPETEER ?? 'ace-puppeteer';

export function hasAce(): boolean {
  try {
    execFileSync(ACE, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export interface AceViolation {
  impact: 'minor' | 'moderate' | 'serious' | 'critical';
  rule: string;
  title: string;
  location: string;
}

interface AceReport {
  'earl:result': { 'earl:outcome': 'pass' | 'fail' };
  assertions: Array<{
    'earl:testSubject': { url: string };
    assertions: Array<{ 'earl:test': { 'earl:impact': AceViolation['impact']; 'dct:title': string; 'dct:description': string } }>;
  }>;
}

export async function ace(epub: Uint8Array): Promise<{ outcome: string; violations: AceViolation[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-ace-'));
  try {
    await writeFile(join(dir, 'book.epub'), epub);
    // Ace gives Chromium 5 s to start by default; a busy CI machine needs more.
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: findChromium(), ACE_TIMEOUT_INITIAL: '60000' };
    await run(ACE, ['--force', '--silent', '--outdir', join(dir, 'report'), join(dir, 'book.epub')], { env, timeout: 300_000 });
    const report = JSON.parse(await readFile(join(dir, 'report', 'report.json'), 'utf8')) as AceReport;
    const violations = report.assertions.flatMap((subject) =>
      subject.assertions.map(({ 'earl:test': test }) => ({
        impact: test['earl:impact'],
        rule: test['dct:title'],
        title: test['dct:description'],
        location: subject['earl:testSubject'].url,
      })),
    );
    return { outcome: report['earl:result']['earl:outcome'], violations };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
