/**
 * `gongwen build FILE.md|DIR… [--out DIR]`: PDF, EPUB and HTML of each
 * document. Warnings are printed like a compiler's; a document that fails is
 * reported with its file and reason, the others are still built, and the exit
 * code is 1 if any failed.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { buildDocuments, collectSources } from '../../build/index.ts';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o', default: 'build' }, quiet: { type: 'boolean', short: 'q', default: false } },
  });
  if (!positionals.length) {
    console.error('usage: gongwen build FILE.md|DIR... [--out DIR]');
    return 2;
  }
  const sources = collectSources(positionals);
  if (!sources.length) {
    console.error(`gongwen build: no .md documents in ${positionals.join(', ')}`);
    return 1;
  }
  const results = await buildDocuments(sources, {
    outDir: values.out!,
    onDocument: (result) => {
      if (result.error instanceof VFileMessage) {
        // A located error (bad front matter…) is already on the file: the reporter prints it.
      } else if (result.error) {
        result.file.message(result.error.message, { ruleId: 'build', source: 'gongwen' }).fatal = true;
      }
      if (result.file.messages.length) console.error(reporter(result.file, { quiet: values.quiet }));
      if (!result.error) {
        const outputs = result.outputs.map((p) => relative(process.cwd(), p)).join(', ');
        console.log(`built ${relative(process.cwd(), result.source)} → ${outputs} (${(result.ms / 1000).toFixed(2)} s)`);
      }
    },
  });
  const failed = results.filter((r) => r.error);
  if (failed.length) console.error(`${failed.length} of ${results.length} documents failed`);
  return failed.length ? 1 : 0;
}
