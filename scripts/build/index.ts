/**
 * The build: cleaned source → parse/structure → template → fonts → PDF (and
 * EPUB, HTML). One browser serves every document of a run. Outputs are
 * written under temporary names and renamed only when all of a document's
 * outputs are good, so a failed build never leaves a half-written file and
 * never replaces the previous good outputs.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import type { RenderedDocument } from '../ast/types.ts';
import { defaultFontOptions, fontFaceCss, prepareFonts, type PreparedFonts } from '../fonts/index.ts';
import { reportFontCoverage } from '../fonts/coverage.ts';
import { parseDocument } from '../parse/index.ts';
import { writeEpub } from '../epub/index.ts';
import { finishPdf } from '../render/finish.ts';
import { Renderer } from '../render/renderer.ts';
import { geometryCss } from '../template/geometry.ts';
import { loadTemplate, pageHtml, renderContent } from '../template/index.ts';
import { slotTexts } from '../template/slot-text.ts';
import { select } from 'hast-util-select';
import { fromHtml } from 'hast-util-from-html';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  outDir: string;
  /** Called with each document's messages (warnings) and result. */
  onDocument?: (result: DocumentResult) => void;
}

export interface DocumentResult {
  source: string;
  file: VFile;
  outputs: string[];
  error?: Error;
  ms: number;
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

interface Prepared {
  rendered: RenderedDocument;
  html: string;
  fonts: PreparedFonts;
}

async function prepare(source: string, file: VFile, outDir: string): Promise<Prepared> {
  const doc = parseDocument(file);
  const rendered = renderContent(doc, outputName(source));
  const template = loadTemplate(doc.meta.template ?? 'report');
  const wrapper = select('[data-gw-slot="content"]', fromHtml(template.html))!;
  const fonts = await prepareFonts(slotTexts(rendered.content, template.printCss, wrapper), defaultFontOptions(outDir, PROJECT_DIR));
  reportFontCoverage(fonts, file);
  const fontCss = fontFaceCss(fonts, (face) => relative(outDir, face.file).split('\\').join('/'));
  const html = pageHtml(rendered, template, [fontCss, geometryCss(), template.printCss].join('\n'));
  return { rendered, html, fonts };
}

function atomicWrite(path: string, data: string | Uint8Array): string {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  return temp;
}

export async function buildDocuments(sources: string[], options: BuildOptions): Promise<DocumentResult[]> {
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const renderer = new Renderer();
  const results: DocumentResult[] = [];
  try {
    for (const source of sources) {
      const started = performance.now();
      const file = new VFile({ path: relative(process.cwd(), source) || source });
      const temps: Array<[string, string]> = [];
      const result: DocumentResult = { source, file, outputs: [], ms: 0 };
      try {
        file.value = readFileSync(source, 'utf8');
        const { rendered, html } = await prepare(source, file, outDir);
        const name = rendered.name;
        // Chromium reads the page from a temporary .html beside the outputs, so the fonts' relative URLs resolve.
        const htmlTemp = join(outDir, `.${name}.${process.pid}.tmp.html`);
        writeFileSync(htmlTemp, html);
        temps.push([htmlTemp, join(outDir, `${name}.html`)]);
        const printed = await renderer.print(htmlTemp, [join(outDir, '.cache', 'fonts')]);
        for (const url of printed.blocked) file.message(`Blocked a request of the page: ${url}`, { ruleId: 'blocked-request', source: 'pdf' });
        const pdf = await finishPdf(printed.pdf, rendered.meta);
        temps.push([atomicWrite(join(outDir, `${name}.pdf`), pdf), join(outDir, `${name}.pdf`)]);
        const epub = await writeEpub(rendered);
        temps.push([atomicWrite(join(outDir, `${name}.epub`), epub), join(outDir, `${name}.epub`)]);
        for (const [temp, final] of temps) renameSync(temp, final);
        result.outputs = temps.map(([, final]) => final);
      } catch (error) {
        for (const [temp] of temps) rmSync(temp, { force: true });
        result.error = error instanceof Error ? error : new Error(String(error));
      }
      result.ms = performance.now() - started;
      results.push(result);
      options.onDocument?.(result);
    }
  } finally {
    await renderer.close();
  }
  return results;
}
