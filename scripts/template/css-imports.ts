/**
 * Template style sheets may share rules: `@import "../document/print.css";`
 * at the top of a template's CSS is replaced by that file's text (itself
 * resolved the same way), so the page carries one self-contained style
 * sheet and the font slots see every rule. Only files inside templates/.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const IMPORT = /^@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;[^\S\n]*\n?/gm;

/** `read` collects every file read, the imported ones included (a build must stamp them all). */
export function inlineCssImports(file: string, templatesDir: string, read: string[] = [], seen: string[] = []): string {
  if (seen.includes(file)) throw new Error(`style sheet imports itself: ${[...seen, file].join(' → ')}`);
  read.push(file);
  return readFileSync(file, 'utf8').replace(IMPORT, (_, target: string) => {
    const path = resolve(dirname(file), target);
    if (relative(templatesDir, path).startsWith('..')) throw new Error(`${file}: @import of ${target} reaches outside templates/`);
    return inlineCssImports(path, templatesDir, read, [...seen, file]);
  });
}
