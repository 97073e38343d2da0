/**
 * `npm run bench`: the build against the floor — the same Chromium printing
 * the same final HTML in a fresh process with nothing else — measured in one
 * run on this machine, printed as a table and written to build/bench.json.
 *
 *   (a0) cold full build of the sample with no cache at all: new process,
 *        empty output folder, empty font store (fontTools runs)
 *   (a) cold full build of the sample, new process, empty output folder; the
 *       user's font store (see scripts/fonts/subset.ts) holds the subsets
 *       (a0) made, as on any machine that built something before
 *   (b) no-op rebuild            (c) rebuild after editing one paragraph
 *   (d) 50 sample-size documents (e) one 10× document (~100k characters)
 *
 * Every build runs as `node bin/gongwen.js build` in a child process, timed
 * from spawn to exit, its process tree sampled for peak memory, with a font
 * store of the run's own (GONGWEN_CACHE), empty at the start. (a), (c), (e)
 * and the floors are the median of 3 runs, builds and floors taking turns.
 * The compiled code (node_modules/.cache/gongwen) is not cleared: it is warm
 * in every case, as after the first run of any installation.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { outputName, PROJECT_DIR } from '../build/index.ts';
import { bookFontTexts, writeEpub } from '../epub/index.ts';
import { defaultFontOptions, prepareFonts } from '../fonts/index.ts';
import { parseDocument } from '../parse/index.ts';
import { CHROMIUM_ARGS, findChromium } from '../render/browser.ts';
import { renderContent } from '../template/index.ts';
import { samplePeaks, type PeakMemory } from './sampler.ts';

const SAMPLE = join(PROJECT_DIR, 'source/wenzhou-npc-standing-committee-report-2024.md');
const CLI = join(PROJECT_DIR, 'bin/gongwen.js');
const FLOOR = join(PROJECT_DIR, 'scripts/bench/floor.mjs');

interface Run extends PeakMemory {
  seconds: number;
}

export interface Case extends Run {
  id: string;
  label: string;
  floorSeconds: number;
  ratio: number;
  target: string;
  met: boolean;
  pages: number;
  pagesPerSecond: number;
}

/** A command timed from spawn to exit, with what it wrote to stderr. */
async function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run & { stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const memory = samplePeaks(child.pid!);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { seconds, stderr, ...memory.stop() };
}

/** The run's own font store: (a0) starts with it empty, the later cases find what the earlier ones made. */
const FONT_STORE = mkdtempSync(join(tmpdir(), 'gongwen-bench-store-'));
const build = (src: string, out: string) => timed([CLI, 'build', src, '--out', out], { ...process.env, GONGWEN_CACHE: FONT_STORE });
const floor = (html: string) => timed([FLOOR, findChromium(), JSON.stringify(CHROMIUM_ARGS), html, join(tmpdir(), `gongwen-floor-${process.pid}.pdf`)]);

const pagesOf = (pdf: string) => readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

/** The sample with `tag` added to its last paragraph: same size, different text, so nothing is shared through the cache. */
function variant(text: string, tag: string): string {
  const end = text.trimEnd();
  return `${end.slice(0, -1)}（${tag}）${end.slice(-1)}\n`;
}

/** The sample's body ten times over, under its front matter (~100k characters). */
function tenfold(text: string): string {
  const [, frontMatter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(text)!;
  return frontMatter + Array.from({ length: 10 }, (_, i) => body.replace(/^## (.+)$/gm, `## $1（${i + 1}）`)).join('\n');
}

function scratch(docs: Record<string, string>): { src: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
  const src = join(root, 'src');
  mkdirSync(src);
  for (const [name, text] of Object.entries(docs)) writeFileSync(join(src, name), text);
  return { src, out: join(root, 'out') };
}

/** Median seconds of 5 runs of `work` after a warm-up (the first run loads code: pdf.js's worker, fonts). */
async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await work();
    times.push((performance.now() - started) / 1000);
  }
  return middle(times, (seconds) => seconds);
}

/**
 * The EPUB stage alone, in process: bare, and as the build runs it (page list
 * from the PDF, the fonts the prepare stage subset for both editions; the
 * cover is a browser job, done while the PDF prints).
 */
async function epubStage(pdfFile: string, outDir: string): Promise<{ bare: number; asBuilt: number }> {
  const file = new VFile({ path: SAMPLE, value: readFileSync(SAMPLE, 'utf8') });
  const rendered = renderContent(parseDocument(file), outputName(SAMPLE));
  const pdf = readFileSync(pdfFile);
  const fonts = await prepareFonts(bookFontTexts(rendered), { ...defaultFontOptions(outDir, PROJECT_DIR), storeDir: join(FONT_STORE, 'fonts') });
  return { bare: await median(() => writeEpub(rendered)), asBuilt: await median(() => writeEpub(rendered, { pdf, fonts })) };
}

const REPEATS = 3;

/** One paragraph's edits, made one after the other: (c) times the rebuild after each. */
const EDITS = ['请予认真审议', '请予再次认真审议', '请予审议并'];

/**
 * The edit → rebuilt outputs time of `gongwen watch`, as its user meets it:
 * each edit saved to the source, timed until the watch reports the document
 * built (its outputs written), the median of the edits. Memory and CPU are
 * those of the whole watch session.
 */
async function editsInWatch(dir: { src: string; out: string }, file: string, text: string, edits: string[]): Promise<Run> {
  const child = spawn(process.execPath, [CLI, 'watch', dir.src, '--out', dir.out, '--port', '0'], {
    cwd: PROJECT_DIR,
    env: { ...process.env, GONGWEN_CACHE: FONT_STORE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = samplePeaks(child.pid!);
  let output = '';
  let waiting: { pattern: RegExp; from: number; resolve: () => void } | undefined;
  const check = () => {
    if (waiting && waiting.pattern.test(output.slice(waiting.from))) waiting.resolve();
  };
  const onData = (chunk: Buffer) => {
    output += chunk;
    check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const until = (pattern: RegExp) =>
    Promise.race([
      new Promise<void>((resolve) => {
        waiting = { pattern, from: output.length, resolve };
        check();
      }),
      exited.then((code) => Promise.reject(new Error(`gongwen watch exited with ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`))),
    ]);
  try {
    await until(/preview on /);
    const times: number[] = [];
    for (const edit of edits) {
      const started = performance.now();
      const built = until(/^built .*$/m);
      writeFileSync(join(dir.src, file), text.replace('请予审议', `${edit}（监视）`));
      await built;
      times.push((performance.now() - started) / 1000);
    }
    return { seconds: middle(times, (seconds) => seconds), ...memory.stop() };
  } finally {
    memory.stop();
    child.kill('SIGINT');
    await exited;
  }
}

/** The median item by `measure` (of an odd number, the middle one). */
function middle<T>(items: T[], measure: (item: T) => number): T {
  return [...items].sort((a, b) => measure(a) - measure(b))[Math.floor(items.length / 2)];
}

const bySeconds = (run: Run) => run.seconds;

/** Builds each folder, then has the floor print the HTML it made, taking turns: the median build and the median floor. */
async function buildsAndFloors(dirs: Array<{ src: string; out: string }>, html: string): Promise<{ built: Run; floor: Run }> {
  const builds: Run[] = [];
  const floors: Run[] = [];
  for (const dir of dirs) {
    builds.push(await build(dir.src, dir.out));
    floors.push(await floor(join(dir.out, html)));
  }
  return { built: middle(builds, bySeconds), floor: middle(floors, bySeconds) };
}

function makeCase(id: string, label: string, run: Run, floorSeconds: number, pages: number, limit: number, target: string): Case {
  const ratio = run.seconds / floorSeconds;
  // The measures only, not what else a run carries (a command's stderr).
  const { seconds, nodeMb, chromiumMb, cpuSeconds } = run;
  return { id, label, seconds, nodeMb, chromiumMb, cpuSeconds, floorSeconds, ratio, target, met: ratio <= limit, pages, pagesPerSecond: pages / run.seconds };
}

export async function runBench(log: (line: string) => void): Promise<{ cases: Case[]; epubStage: { bare: number; asBuilt: number } }> {
  const text = readFileSync(SAMPLE, 'utf8');
  const name = outputName(SAMPLE);
  const single = scratch({ [`${name}.md`]: text });
  const pdf = join(single.out, `${name}.pdf`);

  log('(a0) cold build of the sample, no cache at all');
  const coldest = scratch({ [`${name}.md`]: text });
  const uncached = await build(coldest.src, coldest.out);
  // The cases a user meets most, and their floors, are run three times, taking turns, and the median kept: one run on a shared 2-core machine varies by ±20 %.
  log('(a) cold build of the sample, empty output folder, and (f) the floor: Chromium printing its HTML, 3 times each');
  const colds = [single, ...Array.from({ length: REPEATS - 1 }, () => scratch({ [`${name}.md`]: text }))];
  const { built: cold, floor: sampleFloor } = await buildsAndFloors(colds, `${name}.html`);
  const samplePages = pagesOf(pdf);
  log('(b) no-op rebuild');
  const noOp = await build(single.src, single.out);
  // A no-op that built something says why (scripts/cli/commands/build.js): shown, so a slow (b) explains itself.
  for (const line of noOp.stderr.split('\n').filter((line) => line.startsWith('built '))) log(`  (b) rebuilt: ${line.replace(/.*; /, '').replace(/\)$/, '')}`);
  log('(c) rebuild after editing one paragraph, 3 times');
  const editRuns: Run[] = [];
  for (const edit of EDITS) {
    writeFileSync(join(single.src, `${name}.md`), text.replace('请予审议', edit));
    editRuns.push(await build(single.src, single.out));
  }
  const edit = middle(editRuns, bySeconds);
  log('(c) the same edits saved while `gongwen watch` runs (its browser stays up)');
  const watched = await editsInWatch(single, `${name}.md`, text, EDITS);

  log('(d) 50 sample-size documents');
  const batch = scratch(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`doc-${String(i + 1).padStart(2, '0')}.md`, variant(text, `第${i + 1}份`)])));
  const many = await build(batch.src, batch.out);

  log('(e) one 10× document, and (f) the floor: Chromium printing its HTML, 3 times each');
  const bigs = Array.from({ length: REPEATS }, () => scratch({ 'tenfold.md': tenfold(text) }));
  const { built: large, floor: bigFloor } = await buildsAndFloors(bigs, 'tenfold.html');
  const bigPages = pagesOf(join(bigs[0].out, 'tenfold.pdf'));
  const epub = await epubStage(pdf, single.out);

  const cases = [
    makeCase('a0', 'cold build, no cache at all (fontTools runs)', uncached, sampleFloor.seconds, samplePages, Infinity, ''),
    makeCase('a', 'cold full build (empty output folder), PDF + EPUB', cold, sampleFloor.seconds, samplePages, 1.3, '≤ 1.3× floor'),
    { ...makeCase('b', 'no-op rebuild', noOp, sampleFloor.seconds, 0, Infinity, '≤ 0.3 s'), met: noOp.seconds <= 0.3 },
    makeCase('c', 'rebuild after one paragraph edit', edit, sampleFloor.seconds, samplePages, 1.0, '≤ 1.0× floor'),
    makeCase('cw', 'the same edit saved under `gongwen watch`', watched, sampleFloor.seconds, samplePages, 1.0, '≤ 1.0× floor'),
    makeCase('d', '50 documents (floor: 50 cold floors)', many, sampleFloor.seconds * 50, samplePages * 50, 0.25, '≥ 4× faster'),
    makeCase('e', '10× document (~100k characters)', large, bigFloor.seconds, bigPages, 1.3, '≤ 1.3× floor'),
    makeCase('f', 'floor: sample HTML', sampleFloor, sampleFloor.seconds, samplePages, Infinity, ''),
    makeCase('f10', 'floor: 10× HTML', bigFloor, bigFloor.seconds, bigPages, Infinity, ''),
  ];
  for (const dir of [coldest, ...colds, batch, ...bigs]) rmSync(join(dir.src, '..'), { recursive: true, force: true });
  rmSync(FONT_STORE, { recursive: true, force: true });
  return { cases, epubStage: epub };
}

export function table(cases: Case[]): string {
  const header = ['', 'case', 'time s', 'floor s', 'ratio', 'target', 'met', 'cpu s', 'pages', 'pages/s', 'node MB', 'chromium MB'];
  const rows = cases.map((c) => [
    c.id,
    c.label,
    c.seconds.toFixed(2),
    c.floorSeconds.toFixed(2),
    `${c.ratio.toFixed(2)}×`,
    c.target,
    c.target ? (c.met ? 'yes' : 'NO') : '',
    c.cpuSeconds.toFixed(2),
    String(c.pages),
    c.pages ? c.pagesPerSecond.toFixed(1) : '',
    String(c.nodeMb),
    String(c.chromiumMb),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => [...row[i]].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** The machine, with its load average: on a shared, busy machine wall times stretch, CPU times much less. */
export function machine() {
  return { cpus: availableParallelism(), cpu: cpus()[0]?.model, node: process.version, chromium: findChromium(), loadAverage: loadavg() };
}
