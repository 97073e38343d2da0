/**
 * `gongwen import FILE [-o OUT.md] [--report]`: raw text or web page → the
 * cleaned source. Without -o the Markdown goes to stdout; --report prints
 * what was dropped, moved and rewritten (to stderr), compiler style.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importDocument } from '../../import/index.ts';
import { formatMessages } from '../report.js';

const USAGE = 'usage: gongwen import FILE [-o OUT.md] [--report]';

/** Write through a temporary file in the same directory, so a failure never leaves half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, report: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`gongwen import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`gongwen import: give exactly one input file\n${USAGE}`);
    return 2;
  }
  const [input] = positionals;
  try {
    const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) => {
      throw new ImportError(input, error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory, not a file' : error.message);
    });
    const result = importDocument(bytes, { path: input });
    const output = values.output;
    if (output) await writeAtomically(output, result.markdown).catch((error: NodeJS.ErrnoException) => {
      throw new ImportError(output, `cannot write the output (${error.code ?? error.message})`);
    });
    else process.stdout.write(result.markdown);
    if (values.report) {
      const { total, kept, moved, dropped } = result.accounting;
      console.error(formatMessages(result.file));
      console.error(`${total} non-blank lines: ${kept} kept, ${moved} moved to front matter, ${dropped} dropped`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`gongwen import: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
