// @ts-check
/**
 * The commands and the pipeline are TypeScript, with no build step between
 * editing scripts/ and using them. Two ways to run them:
 *
 * - compiled: esbuild bundles the entry with our code (packages stay
 *   external, our plain-JS modules too, so they are one instance) into
 *   node_modules/.cache/gongwen/, keyed by every file of scripts/' folders,
 *   the package and lock files (codeFingerprint) and esbuild's version.
 *   Bundling takes ~0.2 s once per change; later runs import plain
 *   JavaScript, without a loader: tsx's loader thread costs ~0.5 s of
 *   start-up and every import of a run crosses to it.
 * - through tsx, registered on first use: with GONGWEN_DEBUG (source maps for
 *   stack traces), or when the cache cannot be written.
 *
 * A build whose documents are all up to date (./commands/build.js) needs
 * neither.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeFingerprint, sha256 } from '../build/fingerprint.js';

const SCRIPTS_DIR = fileURLToPath(new URL('../', import.meta.url));
const PROJECT_DIR = dirname(SCRIPTS_DIR);
const CACHE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'gongwen');

let registered = false;

/**
 * Imports a TypeScript module of scripts/.
 * @param {URL} url
 * @returns {Promise<any>}
 */
export async function importTypeScript(url) {
  if (!process.env.GONGWEN_DEBUG) {
    const compiled = await compiledEntry(fileURLToPath(url)).catch(() => undefined);
    if (compiled) return import(pathToFileURL(compiled).href);
  }
  if (!registered) {
    const { register } = await import('tsx/esm/api');
    register();
    // tsx turns on source maps, which cost a fair part of start-up; stack traces (shown only with GONGWEN_DEBUG) keep them.
    if (!process.env.GONGWEN_DEBUG) process.setSourceMapsEnabled(false);
    registered = true;
  }
  return import(url.href);
}

/**
 * The bundle of `entry`, made when the code changed since the last one.
 * @param {string} entry absolute path of a .ts file under scripts/
 * @returns {Promise<string>} the compiled entry's path
 */
async function compiledEntry(entry) {
  const esbuild = await import('esbuild');
  const codeDirs = readdirSync(SCRIPTS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  // Keyed by where the code is too: the bundle imports our plain-JS modules by their paths, so two checkouts sharing
  // one node_modules (a symlink, a worktree) with the same code must not load each other's.
  const dir = join(CACHE_DIR, `code-${sha256(`${esbuild.version}\n${PROJECT_DIR}\n${codeFingerprint(PROJECT_DIR, codeDirs)}`).slice(0, 20)}`);
  const compiled = join(dir, relative(SCRIPTS_DIR, entry).replace(/\.ts$/, '.js'));
  if (isFile(compiled)) return compiled;

  // Each entry is compiled with all of the code's entries known so far, into a folder of its own, renamed into place whole.
  const entries = [...new Set([...knownEntries(), entry])];
  const scratch = `${dir}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: entries,
    outdir: scratch,
    outbase: SCRIPTS_DIR,
    bundle: true,
    splitting: true, // lazy imports stay lazy: the build starts Chromium while the rest loads
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'silent',
    // Bundled CommonJS (puppeteer-core's dependencies) requires Node's own modules.
    banner: { js: "import { createRequire as gongwenCreateRequire } from 'node:module'; const require = gongwenCreateRequire(import.meta.url);" },
    plugins: [ourModulesAsTheyAre],
  });
  try {
    renameSync(scratch, dir);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another process compiled the same code first
  }
  removeOldCode();
  return compiled;
}

/**
 * Packages imported from node_modules at run time rather than bundled: those
 * our plain-JS modules share with the TypeScript (one instance: vfile), those
 * that find files of their own (puppeteer's configuration and downloaded
 * browsers, pdf.js's worker, esbuild's binary, tsx), and the import stage's
 * decoders. The rest is bundled: the unified, micromark, mdast and hast
 * family, parse5 and yaml (~300 small modules, a third of a cold build's
 * start-up), puppeteer-core (0.29 s to load before Chromium could start,
 * 0.16 s bundled), and pdf-lib with the EPUB writer (epub-gen-memory, jszip,
 * ejs), which load while Chromium starts and compete with it: 0.38–0.44 s
 * from node_modules, 0.19–0.25 s bundled.
 */
const EXTERNAL_PACKAGES = ['vfile', 'vfile-message', 'puppeteer', 'pdfjs-dist', 'esbuild', 'tsx', 'iconv-lite', 'chardet'];

/** Compiled code a day old or more: a process still running older code (a watch) has long loaded it. */
const OLD_CODE_MS = 24 * 60 * 60 * 1000;

function removeOldCode() {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (name.startsWith('code-') && Date.now() - statSync(path).mtimeMs > OLD_CODE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The TypeScript entries the CLI imports: its commands and the build. */
function knownEntries() {
  const commands = join(SCRIPTS_DIR, 'cli', 'commands');
  return [join(SCRIPTS_DIR, 'build', 'index.ts'), ...readdirSync(commands).filter((name) => name.endsWith('.ts')).map((name) => join(commands, name))];
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Our plain-JS modules are imported where they are (one instance, shared with
 * the CLI), and `import.meta.url` in our TypeScript keeps meaning the source
 * file, so files beside it (browser scripts, templates) are found.
 * @type {import('esbuild').Plugin}
 */
const ourModulesAsTheyAre = {
  name: 'gongwen-sources',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) =>
      args.importer.startsWith(SCRIPTS_DIR) ? { path: pathToFileURL(join(args.resolveDir, args.path)).href, external: true } : undefined,
    );
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
