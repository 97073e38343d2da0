/**
 * Run the W3C EPUBCheck jar on EPUB bytes and return its findings, parsed
 * from its JSON report. Tests assert on `errors` and `warnings`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's `epubcheck` package installs the jar here; EPUBCHECK_JAR overrides. */
export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/bin/epubcheck';

export interface EpubcheckMessage {
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  id: string;
  message: string;
  locations: string[];
}

export interface EpubcheckResult {
  fatals: EpubcheckMessage[];
  errors: EpubcheckMessage[];
  warnings: EpubcheckMessage[];
  messages: EpubcheckMessage[];
  version: string;
}

interface JsonReport {
  checker: { checkerVersion: string };
  messages: Array<{
    ID: string;
    severity: EpubcheckMessage['severity'];
    message: string;
    locations: Array<{ path: string; line: number; column: number }>;
  }>;
}

export function parseEpubcheckReport(json: string): EpubcheckResult {
  const report = JSON.parse(json) as JsonReport;
  const messages = report.messages.map((m) => ({
    severity: m.severity,
    id: m.ID,
    message: m.message,
    locations: m.locations.map((l) => `${l.path}:${l.line}:${l.column}`),
  }));
  const bySeverity = (severity: EpubcheckMessage['severity']) => messages.filter((m) => m.severity === severity);
  return {
    fatals: bySeverity('FATAL'),
    errors: bySeverity('ERROR'),
    warnings: bySeverity('WARNING'),
    messages,
    version: report.checker.checkerVersion,
  };
}

/** One line per message, for assertion failures a person can act on. */
export function formatMessages(messages: EpubcheckMessage[]): string {
  return messages.map((m) => `${m.severity} ${m.id} ${m.locations.join(', ')}: ${m.message}`).join('\n');
}

export async function epubcheck(epub: Uint8Array): Promise<EpubcheckResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-epubcheck-'));
  try {
    const book = join(dir, 'book.epub');
    const report = join(dir, 'report.json');
    await writeFile(book, epub);
    // epubcheck exits 1 when it finds errors; the report is written either way.
    // A short-lived JVM starts faster without the optimizing compiler and with the serial collector.
    const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
    await run('java', [...jvm, '-jar', EPUBCHECK_JAR, book, '--json', report], { maxBuffer: 16 * 1024 * 1024 }).catch((error: { code?: unknown }) => {
      if (typeof error.code !== 'number') throw error;
    });
    return parseEpubcheckReport(await readFile(report, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
