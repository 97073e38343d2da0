// @ts-check
/**
 * What a build has to do: the documents named, and which of them are up to
 * date — their cache record (./cache.js) still matches the source, the
 * template files, the fonts, the outputs, the tool and the environment.
 * Plain JavaScript on node: builtins and vfile, so the CLI answers a no-op
 * build from here without loading TypeScript or the pipeline
 * (scripts/cli/commands/build.js); the build itself (./index.ts) decides
 * with the same function.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { BuildCache } from './cache.js';
import { sha256, toolFingerprint } from './fingerprint.js';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {object} DocumentResult
 * @property {string} source
 * @property {VFile} file its messages
 * @property {string[]} outputs
 * @property {Error} [error]
 * @property {boolean} upToDate True when the outputs were already up to date and nothing was built.
 * @property {import('./cache.js').Staleness} [stale] Why a document that is not up to date is built (see BuildCache.check).
 * @property {number} ms
 * @property {Record<string, number>} [timings] Milliseconds per stage of a document built (see ./document.ts).
 *
 * @typedef {object} BuildPlan
 * @property {DocumentResult[]} results one per source, in order; the up-to-date ones complete, with the messages of their build
 * @property {DocumentResult[]} stale the results still to build
 * @property {BuildCache} cache
 * @property {string} tool fingerprint of the tool's code (./fingerprint.js)
 * @property {(source: string) => string} keyOf the key a document's record must have
 */

/**
 * The Markdown documents named: files as they are, folders by their *.md files (not recursing into raw/).
 * @param {string[]} paths
 */
export function collectSources(paths) {
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

/**
 * The name of a document's outputs: its file name without .md, made safe for a file name.
 * @param {string} source
 */
export function outputName(source) {
  return basename(source, extname(source)).replace(/[\\/:*?"<>|\x00-\x1f]/g, '_');
}

/** Environment variables that change what a build writes. */
const OUTPUT_ENV = ['SOURCE_DATE_EPOCH', 'GONGWEN_FONTS', 'GONGWEN_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'GONGWEN_PYTHON'];

/**
 * What every document of a run depends on besides its own files: the tool,
 * the environment, the output folder and the project folder. The font
 * folders a build searches follow from the last two (fonts/ and
 * GONGWEN_FONTS): each record keeps their signatures.
 * @param {string} outDir
 * @param {string} tool
 */
function runKey(outDir, tool) {
  return sha256(JSON.stringify([tool, PROJECT_DIR, outDir, OUTPUT_ENV.map((name) => process.env[name] ?? '')]));
}

/**
 * @param {string[]} sources absolute paths (collectSources)
 * @param {{ outDir: string, force?: boolean }} options `outDir` absolute; `force` counts every document stale
 * @returns {BuildPlan}
 */
export function planBuild(sources, { outDir, force = false }) {
  const cache = new BuildCache(outDir);
  const tool = toolFingerprint(PROJECT_DIR);
  const base = runKey(outDir, tool);
  /** @param {string} source */
  const keyOf = (source) => sha256(`${base}\n${source}`);
  /** @type {DocumentResult[]} */
  const results = sources.map((source) => ({ source, file: new VFile({ path: relative(process.cwd(), source) || source }), outputs: [], upToDate: false, ms: 0 }));
  const stale = results.filter((result) => {
    /** @type {ReturnType<BuildCache['check']>} */
    const checked = force ? { stale: { because: 'force' } } : cache.check(outputName(result.source), result.source, keyOf(result.source));
    if ('stale' in checked) {
      result.stale = checked.stale;
      return true;
    }
    BuildCache.replay(checked.record, result.file);
    Object.assign(result, { outputs: Object.keys(checked.record.outputs), upToDate: true });
    return false;
  });
  return { results, stale, cache, tool, keyOf };
}
