/**
 * `gongwen bench` (npm run bench): runs the benchmark (scripts/bench),
 * prints its table and writes build/bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, runBench, table } from '../../bench/index.ts';

export async function run(): Promise<number> {
  const { cases, epubStageSeconds } = await runBench((line) => console.error(line));
  console.log(table(cases));
  console.log(`EPUB stage alone, in process: ${epubStageSeconds.toFixed(3)} s (target ≤ 0.15 s)`);
  mkdirSync('build', { recursive: true });
  const out = join('build', 'bench.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), cases, epubStageSeconds }, null, 2)}\n`);
  console.log(`written ${out}`);
  return 0;
}
