/**
 * Helpers of the robustness suite: the CLI as a child process (what the user
 * sees), a loopback HTTP server that records every connection, and a count
 * of the Chromium processes a test started.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_DIR = join(import.meta.dirname, '../..');
const CLI = join(PROJECT_DIR, 'bin/gongwen.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gongwen-${prefix}-`));
}

/** Runs `gongwen ARGS…` in `cwd`; never throws on a non-zero exit. */
export function gongwen(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 90_000, maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A place for the Chromium of one test to leave its traces: puppeteer makes
 * its profile under TMPDIR and Chromium's crash handler keeps its database
 * under XDG_CONFIG_HOME, so every process of that browser names this folder
 * on its command line, and other sessions' browsers on the machine do not.
 */
export function isolatedBrowserEnv(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = scratchDir('chromium');
  mkdirSync(join(dir, 'config'));
  return { dir, env: { TMPDIR: dir, XDG_CONFIG_HOME: join(dir, 'config') } };
}

/** Live Chromium processes (the executable and its helpers) whose command line names `dir`. */
export function chromiumProcesses(dir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `/chrom[^ ]* .*${dir}`], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Waits (bounded) for every Chromium process naming `dir` to end; returns those still alive. */
export async function chromiumLeftBehind(dir: string, waitMs = 5_000): Promise<number[]> {
  const until = Date.now() + waitMs;
  let alive = chromiumProcesses(dir);
  while (alive.length && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    alive = chromiumProcesses(dir);
  }
  return alive;
}

/** The pid of the live Chromium this process launched (its direct child; a killed one may linger as a zombie). */
export function launchedChromium(): number {
  const rows = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,stat=,args='], { encoding: 'utf8' }).split('\n');
  const live = rows.map((row) => row.trim().split(/\s+/)).filter(([, stat, command]) => command?.includes('/chrom') && !stat.startsWith('Z'));
  if (live.length !== 1) throw new Error(`expected one Chromium child, found ${live.length}`);
  return Number(live[0][0]);
}

export interface Tripwire {
  url: string;
  /** Every request line received, and the count of TCP connections (a preconnect makes one without a request). */
  requests: string[];
  connections: number;
  close(): Promise<void>;
}

/** A loopback HTTP server that no rendered page may reach. */
export async function tripwire(): Promise<Tripwire> {
  const requests: string[] = [];
  const state = { connections: 0 };
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('reached');
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return state.connections;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
