/**
 * `gongwen watch [DIR] [--out DIR] [--port N]`: build DIR (default source/),
 * rebuild on save, and serve a live preview on 127.0.0.1 until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startWatch } from '../../watch/index.ts';
import { seconds, shown } from '../progress.js';
import { formatMessages } from '../report.js';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o', default: 'build' }, port: { type: 'string', short: 'p', default: '4646' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: expected a port number, e.g. --port 4646 (0: any free port)`);
  const watching = await startWatch({
    dir: positionals[0] ?? 'source',
    outDir: values.out!,
    port,
    onDocument: (result) => {
      if (result.file.messages.length) console.error(formatMessages(result.file));
      console.error(`${result.error ? 'failed' : 'built'} ${shown(result.source)} (${seconds(result.ms)})`);
    },
  });
  console.log(`preview on ${watching.url} (Ctrl-C to stop)`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watching.close();
  return signal === 'SIGINT' ? 130 : 143;
}
