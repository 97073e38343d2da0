/**
 * `gongwen bench` (npm run bench): runs the benchmark (scripts/bench),
 * prints its table and writes build/bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, runBench, table } from '../../bench/index.ts';

export async function run(): Promise<number> {
  const { cases, epubStage } = await runBench((line) => console.error(line));
  console.log(table(cases));
  console.log(`EPUB stage alone, in process (target ≤ 0.15 s): ${epubStage.bare.toFixed(3)} s bare, ${epubStage.asBuilt.toFixed(3)} s with page list and fonts`);
  console.log(`load average at the end: ${machine().loadAverage.map((n) => n.toFixed(1)).join(', ')} on ${machine().cpus} cores`);
  mkdirSync('build', { recursive: true });
  const out = join('build', 'bench.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), cases, epubStage }, null, 2)}\n`);
  console.log(`written ${out}`);
  return 0;
}
