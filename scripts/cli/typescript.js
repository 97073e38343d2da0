// @ts-check
/**
 * The commands and the pipeline are TypeScript run through tsx, so there is
 * no build step between editing scripts/ and using them. tsx's loader (a
 * worker thread running esbuild, ~0.4 s of CPU) costs far more than a no-op
 * build's whole check (~0.03 s), so it is registered on first use rather
 * than at start: a build whose documents are all up to date
 * (./commands/build.js) never loads it.
 */
let registered = false;

/**
 * Imports a TypeScript module, registering tsx's loader first.
 * @param {URL} url
 * @returns {Promise<any>}
 */
export async function importTypeScript(url) {
  if (!registered) {
    const { register } = await import('tsx/esm/api');
    register();
    // tsx turns on source maps, which cost a fair part of start-up; stack traces (shown only with GONGWEN_DEBUG) keep them.
    if (!process.env.GONGWEN_DEBUG) process.setSourceMapsEnabled(false);
    registered = true;
  }
  return import(url.href);
}
