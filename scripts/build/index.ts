/**
 * The build: each document's cleaned source → parse/structure → template →
 * fonts → PDF, EPUB and HTML (./document.ts). This half decides what to
 * build: a document whose cache record (./cache.ts) still matches is up to
 * date and skipped, so a no-op rebuild loads none of the pipeline and starts
 * no browser. The rest share one browser, a few documents at a time; each
 * document's outputs appear together or not at all (./outputs.ts), and one
 * failing document does not stop the others.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { defaultFontOptions } from '../fonts/index.ts';
import type { Renderer } from '../render/renderer.ts';
import { BuildCache } from './cache.ts';
import { folderSignature, sha256, toolFingerprint } from './fingerprint.ts';
import { runPool } from './pool.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  outDir: string;
  /** Called with each document's result as it finishes (warnings are on `file`). */
  onDocument?: (result: DocumentResult) => void;
  /** Called when a document starts building (not for up-to-date ones). */
  onStart?: (source: string) => void;
  /** Documents built at once; defaults to the machine's parallelism. */
  concurrency?: number;
  /** Rebuild even what is up to date. */
  force?: boolean;
  /** A browser session to reuse (watch keeps one across builds); by default the build starts and ends its own. */
  renderer?: Renderer;
}

export interface DocumentResult {
  source: string;
  file: VFile;
  outputs: string[];
  error?: Error;
  /** True when the outputs were already up to date and nothing was built. */
  upToDate: boolean;
  ms: number;
  /** Milliseconds per stage of a document built (see ./document.ts). */
  timings?: Record<string, number>;
}

/** The Markdown documents named: files as they are, folders by their *.md files (not recursing into raw/). */
export function collectSources(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const full = resolve(path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new Error(`${path}: no such file or folder`);
    }
    if (!stat.isDirectory()) return [full];
    return readdirSync(full)
      .filter((name) => extname(name) === '.md' && !name.startsWith('.') && name !== 'README.md')
      .sort()
      .map((name) => join(full, name));
  });
}

/** The name of a document's outputs: its file name without .md, made safe for a file name. */
export function outputName(source: string): string {
  return basename(source, extname(source)).replace(/[\\/:*?"<>|\x00-\x1f]/g, '_');
}

/** Environment variables that change what a build writes. */
const OUTPUT_ENV = ['SOURCE_DATE_EPOCH', 'GONGWEN_FONTS', 'GONGWEN_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'GONGWEN_PYTHON'];

/** What every document of this run depends on besides its own files: the tool, the environment, the font folders. */
function runKey(outDir: string, tool: string): string {
  const fontDirs = defaultFontOptions(outDir, PROJECT_DIR).userFontDirs;
  return sha256(JSON.stringify([tool, outDir, OUTPUT_ENV.map((name) => process.env[name] ?? ''), folderSignature(fontDirs)]));
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * SIGINT and SIGTERM end the build at once through process.exit, whose exit
 * hooks remove the temporary outputs (./outputs.ts) and kill the browser's
 * process group (puppeteer's). Without a handler Node would die by the
 * signal and run no exit hook.
 */
function exitOnInterrupt(): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}

export async function buildDocuments(sources: string[], options: BuildOptions): Promise<DocumentResult[]> {
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const cache = new BuildCache(outDir);
  const tool = toolFingerprint(PROJECT_DIR);
  const base = runKey(outDir, tool);
  const keyOf = (source: string) => sha256(`${base}\n${source}`);
  const newFile = (source: string) => new VFile({ path: relative(process.cwd(), source) || source });

  const results: DocumentResult[] = sources.map((source) => ({ source, file: newFile(source), outputs: [], upToDate: false, ms: 0 }));
  const stale = results.filter((result) => {
    const record = options.force ? undefined : cache.upToDate(outputName(result.source), result.source, keyOf(result.source));
    if (!record) return true;
    BuildCache.replay(record, result.file);
    Object.assign(result, { outputs: Object.keys(record.outputs), upToDate: true });
    options.onDocument?.(result);
    return false;
  });
  if (!stale.length) return results;

  // Before the browser starts: an interrupted build must end, not carry on without it.
  const stopHandling = exitOnInterrupt();
  const { Renderer } = await import('../render/renderer.ts');
  const renderer = options.renderer ?? new Renderer();
  try {
    // Chromium starts while the pipeline's code loads and the first document is prepared; a launch failure shows where the browser is used.
    renderer.browser().catch(() => undefined);
    const { buildDocument } = await import('./document.ts');
    const ctx = { outDir, projectDir: PROJECT_DIR, cache, renderer, tool };
    await runPool(stale, options.concurrency ?? availableParallelism(), async (result) => {
      const started = performance.now();
      options.onStart?.(result.source);
      try {
        const name = outputName(result.source);
        const built = await buildDocument(result.source, name, result.file, ctx);
        result.outputs = built.outputs.commit();
        result.timings = built.timings;
        cache.save(name, result.source, { key: keyOf(result.source), ...built, outputs: result.outputs, file: result.file });
      } catch (error) {
        result.error = toError(error);
        // Located errors (VFileMessage) are on the file already; the others join them, so every failure reads the same.
        if (!result.file.messages.includes(result.error as never)) result.file.message(result.error.message, { ruleId: 'build', source: 'gongwen' }).fatal = true;
      }
      result.ms = performance.now() - started;
      options.onDocument?.(result);
    });
  } finally {
    if (!options.renderer) await renderer.close();
    stopHandling();
  }
  cache.prune();
  return results;
}
