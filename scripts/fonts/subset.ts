/**
 * Runs subset-to-truetype.py (fontTools) on a batch of faces, with a content
 * cache: a face subset to the same characters by the same script is reused,
 * so a rebuild of unchanged text spawns no Python at all.
 *
 * Two levels: the build's cache folder, which its HTML points into, and an
 * optional store shared by every build of the user (see defaultFontOptions),
 * so a new or wiped output folder copies the subsets it made before instead
 * of running fontTools again, the bulk of a first build.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./subset-to-truetype.py', import.meta.url));

export interface SubsetJob {
  file: string;
  face: number;
  chars: string;
}

export interface SubsetResult {
  /** The subset face, TrueType outlines. */
  out: string;
  /** Characters of the job the face does not have. */
  missing: string;
  /** PostScript name of the face. */
  name: string;
}

function pythonWithFontTools(): string {
  const candidates = [process.env.GONGWEN_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => p.includes('/') ? existsSync(p) : true) ?? 'python3';
}

/** The font file by path and stamp (its inode and change time too: the shared store outlives projects), not by content: system CJK fonts are tens of MB. */
function cacheKey(job: SubsetJob, scriptHash: string): string {
  const stat = statSync(job.file);
  return createHash('sha256')
    .update(JSON.stringify([scriptHash, job.file, stat.size, stat.mtimeMs, stat.ino, stat.ctimeMs, job.face, job.chars]))
    .digest('hex')
    .slice(0, 32);
}

function runPython(jobs: Array<SubsetJob & { out: string }>): Promise<Array<{ missing: string; name: string }>> {
  const input = JSON.stringify(jobs.map((j) => ({ font: j.file, face: j.face, chars: j.chars, out: j.out })));
  return new Promise((resolve, reject) => {
    const python = pythonWithFontTools();
    const child = execFile(python, [SCRIPT], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const hint = /No module named 'fontTools'/.test(stderr)
          ? 'Python fontTools is missing: install it (Debian: apt-get install python3-fonttools)'
          : stderr.trim().split('\n').pop() || `${python} exited with code ${error.code} and said nothing (GONGWEN_PYTHON names the Python to use)`;
        reject(new Error(`font subsetting failed: ${hint}`));
        return;
      }
      resolve(JSON.parse(stdout));
    });
    // A Python that exits before reading its input (missing, broken) closes the pipe: the exit above reports it, not an EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** Writes by copy to a temporary name and rename, so an interrupted run leaves no half file; the names are this call's own. */
function copyWhole(from: string, to: string, tag: string): void {
  copyFileSync(from, `${to}.${tag}.tmp`);
  renameSync(`${to}.${tag}.tmp`, to);
}

/** The shared store's size limit: least recently used subsets go first. */
const STORE_LIMIT_BYTES = 256 << 20;

/** Removes the least recently used subsets of the store beyond `limitBytes`. */
export function pruneStore(dir: string, limitBytes = STORE_LIMIT_BYTES): void {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith('.ttf'))
    .flatMap((name) => {
      try {
        const { size, mtimeMs } = statSync(join(dir, name));
        return [{ base: join(dir, name.slice(0, -'.ttf'.length)), size, mtimeMs }];
      } catch {
        return []; // removed by another build meanwhile
      }
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > limitBytes) for (const extension of ['.json', '.ttf']) rmSync(entry.base + extension, { force: true });
  }
}

/** Subsets `jobs` into `cacheDir`, taking what `storeDir` (the shared store) already has and adding what it lacks. */
export async function subsetFaces(jobs: SubsetJob[], cacheDir: string, storeDir?: string): Promise<SubsetResult[]> {
  mkdirSync(cacheDir, { recursive: true });
  if (storeDir) mkdirSync(storeDir, { recursive: true });
  const scriptHash = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex');
  const planned = jobs.map((job) => {
    const key = cacheKey(job, scriptHash);
    const base = join(cacheDir, key);
    return { ...job, out: `${base}.ttf`, meta: `${base}.json`, stored: storeDir && join(storeDir, key) };
  });
  // The same face cut to the same characters twice in one batch is made once.
  const missing = [...new Map(planned.filter((job) => !existsSync(job.meta)).map((job) => [job.meta, job])).values()];
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const todo = missing.filter((job) => {
    if (!job.stored || !existsSync(`${job.stored}.json`)) return true;
    try {
      const now = new Date();
      utimesSync(`${job.stored}.ttf`, now, now); // recently used: pruned last
      copyWhole(`${job.stored}.ttf`, job.out, tag);
      copyWhole(`${job.stored}.json`, job.meta, tag);
      return false;
    } catch {
      return true; // pruned by another build meanwhile: made again
    }
  });
  if (todo.length) {
    // Write to temporary names and rename, so an interrupted run leaves no half font in the cache;
    // the names are this call's own, so two documents or two builds filling the same cache never share one.
    const temp = (path: string) => `${path}.${tag}.tmp`;
    const results = await runPython(todo.map((job) => ({ ...job, out: temp(job.out) })));
    todo.forEach((job, i) => {
      renameSync(temp(job.out), job.out);
      writeFileSync(temp(job.meta), JSON.stringify(results[i]));
      renameSync(temp(job.meta), job.meta);
      // The font before its record: a record in the store always has its font.
      if (job.stored) for (const extension of ['.ttf', '.json']) copyWhole(job.out.replace(/\.ttf$/, extension), job.stored + extension, tag);
    });
    if (storeDir) pruneStore(storeDir);
  }
  return planned.map((job) => ({ out: job.out, ...(JSON.parse(readFileSync(job.meta, 'utf8')) as { missing: string; name: string }) }));
}
