/**
 * Template stage: 公文 AST → hast with role classes → a whole HTML page from
 * templates/NAME/ (document.html + print.css, files, not strings in code).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { FrontMatter, GongwenDocument, RenderedDocument } from '../ast/types.ts';
import { applyLineBreakingRules } from './line-breaking.ts';
import { documentToHast } from './to-hast.ts';
import { inlineCssImports } from './css-imports.ts';
import { frameContent, frameCss } from './frame.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Template {
  name: string;
  dir: string;
  /** templates/NAME/document.html: the page, with data-gw-slot elements to fill. */
  html: string;
  /** templates/NAME/print.css: the print layout (after the generated geometry). */
  printCss: string;
  /** templates/NAME/epub.css: the reflowable layout for e-readers. */
  epubCss: string;
  /** Every file the template was read from: document.html and the style sheets, with those they import. */
  files: string[];
}

export function availableTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(TEMPLATES_DIR, entry.name, 'document.html')))
    .map((entry) => entry.name);
}

export function loadTemplate(name: string): Template {
  const dir = join(TEMPLATES_DIR, name);
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(join(dir, 'document.html'))) {
    throw new Error(`unknown template \`${name}\`: available are ${availableTemplates().join(', ')}`);
  }
  const files = [join(dir, 'document.html')];
  return {
    name,
    dir,
    html: readFileSync(files[0], 'utf8'),
    printCss: inlineCssImports(join(dir, 'print.css'), TEMPLATES_DIR, files),
    epubCss: inlineCssImports(join(dir, 'epub.css'), TEMPLATES_DIR, files),
    files: [...new Set(files)],
  };
}

/** Who the metadata names as author: the front matter's author, else the speaker of a report, else the publisher. */
export function documentAuthor(meta: FrontMatter): string | undefined {
  return meta.author ?? meta.speaker ?? meta.publisher;
}

/** A description for the metadata when the front matter gives none: the first body paragraph, shortened. */
function describe(doc: GongwenDocument): string {
  const first = doc.tree.children.find((n) => n.data?.role === 'body');
  const text = first ? toString(first) : doc.meta.title;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export function renderContent(doc: GongwenDocument, name: string): RenderedDocument {
  const meta = { ...doc.meta, description: doc.meta.description ?? describe(doc) };
  const content = frameContent(documentToHast(doc.tree), doc.meta);
  applyLineBreakingRules(content);
  return { name, meta, content };
}

function slot(page: HastRoot, name: string): Element {
  const element = select(`[data-gw-slot="${name}"]`, page);
  if (!element) throw new Error(`template has no element with data-gw-slot="${name}"`);
  delete element.properties.dataGwSlot;
  return element;
}

/** The whole HTML page of a document: the template filled with its metadata, styles and content. */
export function pageHtml(rendered: RenderedDocument, template: Template, styles: string): string {
  const page = fromHtml(template.html);
  const { meta } = rendered;
  const html = select('html', page);
  if (html) html.properties.lang = meta.lang;
  slot(page, 'title').children = [{ type: 'text', value: meta.title }];
  slot(page, 'author').properties.content = documentAuthor(meta) ?? '';
  slot(page, 'description').properties.content = meta.description ?? '';
  slot(page, 'keywords').properties.content = (meta.keywords ?? []).join(', ');
  slot(page, 'styles').children = [{ type: 'text', value: styles + frameCss(meta) }];
  slot(page, 'content').children = rendered.content.children as Element[];
  return toHtml(page);
}
