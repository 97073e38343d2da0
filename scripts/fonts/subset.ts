/**
 * Runs subset-to-truetype.py (fontTools) on a batch of faces, with a content
 * cache: a face subset to the same characters by the same script is reused,
 * so a rebuild of unchanged text spawns no Python at all.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

function cacheKey(job: SubsetJob, scriptHash: string): string {
  const stat = statSync(job.file);
  return createHash('sha256')
    .update(JSON.stringify([scriptHash, job.file, stat.size, stat.mtimeMs, job.face, job.chars]))
    .digest('hex')
    .slice(0, 32);
}

function runPython(jobs: Array<SubsetJob & { out: string }>): Promise<Array<{ missing: string; name: string }>> {
  const input = JSON.stringify(jobs.map((j) => ({ font: j.file, face: j.face, chars: j.chars, out: j.out })));
  return new Promise((resolve, reject) => {
    const child = execFile(pythonWithFontTools(), [SCRIPT], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const hint = /No module named 'fontTools'/.test(stderr)
          ? 'Python fontTools is missing: install it (Debian: apt-get install python3-fonttools)'
          : stderr.trim().split('\n').pop();
        reject(new Error(`font subsetting failed: ${hint}`));
        return;
      }
      resolve(JSON.parse(stdout));
    });
    child.stdin?.end(input);
  });
}

export async function subsetFaces(jobs: SubsetJob[], cacheDir: string): Promise<SubsetResult[]> {
  mkdirSync(cacheDir, { recursive: true });
  const scriptHash = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex');
  const planned = jobs.map((job) => {
    const base = join(cacheDir, cacheKey(job, scriptHash));
    return { ...job, out: `${base}.ttf`, meta: `${base}.json` };
  });
  // The same face cut to the same characters twice in one batch is made once.
  const todo = [...new Map(planned.filter((job) => !existsSync(job.meta)).map((job) => [job.meta, job])).values()];
  if (todo.length) {
    // Write to temporary names and rename, so an interrupted run leaves no half font in the cache;
    // the names are this call's own, so two documents or two builds filling the same cache never share one.
    const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
    const temp = (path: string) => `${path}.${tag}.tmp`;
    const results = await runPython(todo.map((job) => ({ ...job, out: temp(job.out) })));
    todo.forEach((job, i) => {
      renameSync(temp(job.out), job.out);
      writeFileSync(temp(job.meta), JSON.stringify(results[i]));
      renameSync(temp(job.meta), job.meta);
    });
  }
  return planned.map((job) => ({ out: job.out, ...(JSON.parse(readFileSync(job.meta, 'utf8')) as { missing: string; name: string }) }));
}
