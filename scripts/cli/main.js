// @ts-check
/**
 * `gongwen COMMAND …`: one module per command in ./commands, each exporting
 * `run(args): Promise<number>` (the exit code). Errors that reach here are
 * bugs or environment failures: they are printed as one line, not a trace.
 * Plain JavaScript, as the build command is, so that a no-op build starts
 * no TypeScript loader (./typescript.js).
 */
import { importTypeScript } from './typescript.js';

/** @typedef {{ run(args: string[]): Promise<number> }} Command */

/** @param {string} name */
const typeScriptCommand = (name) => () => importTypeScript(new URL(`./commands/${name}.ts`, import.meta.url));

/** @type {Record<string, { summary: string, load: () => Promise<Command> }>} */
const COMMANDS = {
  build: { summary: 'build FILE.md|DIR [--out DIR]   PDF, EPUB and HTML of each document', load: () => import('./commands/build.js') },
  import: { summary: 'import RAW [-o OUT.md] [--report]   raw text or web page to cleaned Markdown', load: typeScriptCommand('import') },
  check: { summary: 'check FILE.pdf [--json]   measure a PDF against GB/T 9704', load: typeScriptCommand('check') },
  bench: { summary: 'bench   time the build against bare Chromium printing; writes build/bench.json', load: typeScriptCommand('bench') },
  watch: { summary: 'watch [DIR] [--out DIR] [--port N]   rebuild on save, live preview on 127.0.0.1', load: typeScriptCommand('watch') },
};

function usage() {
  return ['usage: gongwen COMMAND ...', '', ...Object.values(COMMANDS).map((c) => `  gongwen ${c.summary}`)].join('\n');
}

/** @param {string[]} argv */
export async function main(argv) {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`gongwen: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`gongwen ${name}: ${message}`);
    if (process.env.GONGWEN_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}
