/** calibre's `ebook-convert` (Debian package `calibre`) as a second, independent EPUB reader. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function hasEbookConvert(): boolean {
  try {
    execFileSync('ebook-convert', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The EPUB as calibre reads it, converted to plain text: its non-empty lines, trimmed. */
export async function calibreTextLines(epub: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-calibre-'));
  try {
    await writeFile(join(dir, 'book.epub'), epub);
    await run('ebook-convert', [join(dir, 'book.epub'), join(dir, 'book.txt')], { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
    const text = await readFile(join(dir, 'book.txt'), 'utf8');
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
