// @ts-check
/**
 * `gongwen build FILE.md|DIR… [--out DIR] [--shard i/n] [--jobs N] [--force]`:
 * PDF, EPUB and HTML of each document, skipping those already up to date.
 * Warnings are printed like a compiler's; a document that fails is reported
 * with its file and reason, the others are still built, the failures are
 * listed again at the end and the exit code is 1.
 *
 * Plain JavaScript: when every document is up to date (scripts/build/plan.js)
 * the answer comes from the cache records, without TypeScript or the
 * pipeline; otherwise the build (scripts/build/index.ts) does it all.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectSources, outputName, planBuild } from '../../build/plan.js';
import { parseShard, selectShard } from '../../build/shard.js';
import { Progress, seconds, shown } from '../progress.js';
import { formatMessages } from '../report.js';
import { importTypeScript } from '../typescript.js';

/** @typedef {import('../../build/plan.js').DocumentResult} DocumentResult */

const USAGE = 'usage: gongwen build FILE.md|DIR... [--out DIR] [--shard i/n] [--jobs N] [--force] [--quiet]';

/** @param {import('../../build/cache.js').Staleness} stale */
function rebuildReason(stale) {
  switch (stale.because) {
    case 'new':
      return 'not built into this folder before';
    case 'tool':
      return 'the tool, its packages or the environment changed';
    case 'force':
      return '--force';
    case 'fonts':
      return `the fonts in ${shown(stale.path)} changed`;
    case 'input':
      return `${shown(stale.path)} changed`;
    case 'output':
      return `${shown(stale.path)} was changed or removed`;
  }
}

/** @param {DocumentResult} result */
function report(result) {
  if (result.error) return `failed ${shown(result.source)} (${seconds(result.ms)})`;
  if (result.upToDate) return `up to date ${shown(result.source)}`;
  const stages = Object.entries(result.timings ?? {}).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}`);
  return `built ${shown(result.source)} → ${result.outputs.map(shown).join(', ')} (${seconds(result.ms)}: ${stages.join(', ')}${result.stale ? `; ${rebuildReason(result.stale)}` : ''})`;
}

/**
 * @param {string[]} args
 * @returns {Promise<number>}
 */
export async function run(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'build' },
      quiet: { type: 'boolean', short: 'q', default: false },
      force: { type: 'boolean', short: 'f', default: false },
      shard: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
    },
  });
  if (!positionals.length) {
    console.error(USAGE);
    return 2;
  }
  const all = collectSources(positionals);
  const sources = values.shard ? selectShard(all, parseShard(values.shard)) : all;
  if (!all.length) {
    console.error(`gongwen build: no .md documents in ${positionals.join(', ')}`);
    return 1;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new Error(`--jobs ${values.jobs}: expected a whole number of documents at once, e.g. --jobs 2`);

  const started = performance.now();
  const progress = new Progress(sources.length);
  /** @param {DocumentResult} result */
  const onDocument = (result) => {
    if (result.file.messages.length && !(result.upToDate && values.quiet)) progress.print(formatMessages(result.file, { quiet: values.quiet }));
    progress.finished(outputName(result.source), report(result), !result.upToDate);
  };
  const outDir = values.out ?? 'build';
  const plan = planBuild(sources, { outDir: resolve(outDir), force: values.force });
  let results = plan.results;
  if (plan.stale.length) {
    /** @type {typeof import('../../build/index.ts')} */
    const { buildDocuments } = await importTypeScript(new URL('../../build/index.ts', import.meta.url));
    results = await buildDocuments(sources, { outDir, force: values.force, concurrency: jobs, onStart: () => progress.started(), onDocument });
  } else {
    results.forEach(onDocument);
  }
  progress.end();
  return summarize(results, sources.length, all.length, performance.now() - started);
}

/**
 * @param {DocumentResult[]} results
 * @param {number} selected
 * @param {number} total
 * @param {number} ms
 */
function summarize(results, selected, total, ms) {
  const failed = results.filter((r) => r.error);
  const upToDate = results.filter((r) => r.upToDate).length;
  const shard = selected < total ? ` (this shard: ${selected} of ${total})` : '';
  console.error(`${results.length - failed.length - upToDate} built, ${upToDate} up to date, ${failed.length} failed${shard} in ${seconds(ms)}`);
  if (!failed.length) return 0;
  console.error(`\nFailed:\n${failed.map((r) => formatMessages(r.file, { quiet: true })).join('\n')}`);
  return 1;
}
