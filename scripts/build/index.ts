/**
 * The build: each document's cleaned source → parse/structure → template →
 * fonts → PDF, EPUB and HTML (./document.ts). This half runs the plan
 * (./plan.js): a document whose cache record (./cache.js) still matches is
 * up to date and skipped, so a no-op rebuild loads none of the pipeline and
 * starts no browser. The rest share one browser, a few documents at a time;
 * each document's outputs appear together or not at all (./outputs.js), and
 * one failing document does not stop the others.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Renderer } from '../render/renderer.ts';
import { outputName, planBuild, PROJECT_DIR, type DocumentResult } from './plan.js';
import { runPool } from './pool.ts';

export { collectSources, outputName, PROJECT_DIR, type DocumentResult } from './plan.js';

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

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * SIGINT and SIGTERM end the build at once through process.exit, whose exit
 * hooks remove the temporary outputs (./outputs.js) and kill the browser's
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
  const { results, stale, cache, tool, keyOf } = planBuild(sources, { outDir, force: options.force });
  for (const result of results) if (result.upToDate) options.onDocument?.(result);
  if (!stale.length) return results;

  // Before the browser starts: an interrupted build must end, not carry on without it.
  const stopHandling = exitOnInterrupt();
  const { Renderer } = await import('../render/renderer.ts');
  const renderer = options.renderer ?? new Renderer();
  try {
    // Chromium starts while the pipeline's code loads and the first document is prepared; a launch failure shows where the browser is used.
    renderer.warmUp().catch(() => undefined);
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
