/**
 * `gongwen watch`: builds a folder of documents, then rebuilds on every save
 * (a source in the folder, or a template) and tells the preview's open
 * pages. Builds go one at a time through the incremental build, so a save
 * rebuilds only the documents it changed; saves during a build make one more
 * build after it. The browser stays up between builds.
 */
import { watch, type FSWatcher } from 'node:fs';
import { extname } from 'node:path';
import { buildDocuments, collectSources, outputName, type DocumentResult } from '../build/index.ts';
import { Renderer } from '../render/renderer.ts';
import { TEMPLATES_DIR } from '../template/index.ts';
import { ALL_DOCUMENTS, PreviewServer } from './preview.ts';
import { formatMessages } from '../cli/report.js';

export interface WatchOptions {
  dir: string;
  outDir: string;
  /** The preview's port on 127.0.0.1; 0 for any free one. */
  port: number;
  /** Called with each document built (not with the up-to-date ones). */
  onDocument?: (result: DocumentResult) => void;
}

export interface Watching {
  url: string;
  close(): Promise<void>;
}

/** Saves come in bursts (editors write, rename, touch): wait for the burst to end. */
const SETTLE_MS = 80;

export async function startWatch(options: WatchOptions): Promise<Watching> {
  const renderer = new Renderer();
  const preview = new PreviewServer(options.outDir);

  const buildAll = async () => {
    const sources = collectSources([options.dir]);
    preview.setDocuments(sources.map(outputName));
    const results = await buildDocuments(sources, { outDir: options.outDir, renderer });
    for (const result of results.filter((r) => !r.upToDate)) {
      options.onDocument?.(result);
      preview.publish({ name: outputName(result.source), error: result.error ? formatMessages(result.file, { quiet: true }) : undefined });
    }
  };

  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const runBuilds = async () => {
    do {
      again = false;
      await buildAll().catch((error) => preview.publish({ name: ALL_DOCUMENTS, error: error instanceof Error ? error.message : String(error) }));
    } while (again);
    running = undefined;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) again = true;
      else running = runBuilds();
    }, SETTLE_MS);
  };

  await buildAll();
  const url = await preview.listen(options.port);
  const watchers: FSWatcher[] = [
    watch(options.dir, (_, name) => name && extname(name) === '.md' && !name.startsWith('.') && schedule()),
    watch(TEMPLATES_DIR, { recursive: true }, schedule),
  ];

  return {
    url,
    async close() {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      await running;
      await preview.close();
      await renderer.close();
    },
  };
}
