/**
 * `gongwen check FILE.pdf [--json]`: measures a PDF against GB/T 9704.
 * Exit 0 when every check passes, 1 when one fails, 2 when the PDF cannot
 * be checked (usage error, missing, unreadable or not a PDF).
 */
import { parseArgs } from 'node:util';
import { checkPdf, UnreadablePdfError } from '../../check/index.ts';
import { formatReport } from '../../check/report.ts';

const SYNOPSIS = 'usage: gongwen check FILE.pdf [--json]';
const USAGE = [
  SYNOPSIS,
  '  Measures the PDF against GB/T 9704-2012 from its laid-out glyphs; --json prints the results for machines.',
  '  Exit status: 0 every check passes, 1 a check fails, 2 the PDF cannot be checked or the usage is wrong.',
].join('\n');

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`gongwen check: ${(error as Error).message}\n${SYNOPSIS}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`gongwen check: expected one PDF file, got ${parsed.positionals.length}\n${SYNOPSIS}`);
    return 2;
  }
  try {
    const report = await checkPdf(parsed.positionals[0]);
    console.log(parsed.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.passed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UnreadablePdfError)) throw error;
    console.error(`gongwen check: ${error.message}`);
    return 2;
  }
}
