/**
 * Incremental and reproducible builds of a small tree (the sample report and
 * a short notice), sharing one first build: a second build does nothing and
 * prints nothing, an edit rebuilds only its document, a failed rebuild keeps
 * the previous outputs, and a build from an empty cache gives the same bytes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, collectSources, type DocumentResult } from '../../scripts/build/index.ts';
import { countingRenderer, PROJECT, SAMPLE, scratchTree, shortDocument, temporaryFiles } from './helpers.ts';

const tree = scratchTree({ 'report.md': SAMPLE, 'notice.md': shortDocument() });
const outputsOf = (name: string, out = tree.out) => ['pdf', 'epub', 'html'].map((ext) => readFileSync(join(out, `${name}.${ext}`)));
const byName = (results: DocumentResult[]) => Object.fromEntries(results.map((r) => [r.source.replace(/.*\//, ''), r]));

async function build(renderer = countingRenderer()) {
  try {
    return { results: byName(await buildDocuments(collectSources([tree.src]), { outDir: tree.out, renderer })), renderer };
  } finally {
    await renderer.close();
  }
}

/**
 * Other people may save pipeline code while this runs (a shared working
 * tree), which rightly rebuilds everything; a build right after a rebuild is
 * the no-op to look at.
 */
async function noOpBuild() {
  for (let attempt = 0; ; attempt++) {
    const renderer = countingRenderer(attempt < 2);
    const second = await build(renderer).catch((error) => (attempt < 2 ? undefined : Promise.reject(error)));
    if (second && Object.values(second.results).every((r) => r.upToDate)) return second;
  }
}

describe('rebuilding', () => {
  let first: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    first = await build();
  });

  it('builds every document of the tree with one browser', () => {
    expect(Object.values(first.results).map((r) => r.error)).toEqual([undefined, undefined]);
    expect(Object.values(first.results).map((r) => r.stale)).toEqual([{ because: 'new' }, { because: 'new' }]);
    expect(first.renderer.prints).toBe(2);
    expect(temporaryFiles(tree.out)).toEqual([]);
  });

  it('does nothing the second time: no print, same outputs, the warnings again', async () => {
    const before = outputsOf('report');
    const { results } = await noOpBuild();
    expect(results['report.md'].upToDate).toBe(true);
    expect(outputsOf('report')).toEqual(before);
    expect(results['report.md'].file.messages.map(String)).toEqual(first.results['report.md'].file.messages.map(String));
  });

  it('gives byte-identical PDF, EPUB and HTML from an empty cache', async () => {
    const fresh = scratchTree({ 'report.md': SAMPLE });
    const renderer = countingRenderer();
    try {
      await buildDocuments(collectSources([fresh.src]), { outDir: fresh.out, renderer });
    } finally {
      await renderer.close();
    }
    expect(renderer.prints).toBe(1);
    expect(outputsOf('report', fresh.out)).toEqual(outputsOf('report'));
  });

  it('rebuilds only the document that was edited', async () => {
    await noOpBuild();
    const notice = join(tree.src, 'notice.md');
    writeFileSync(notice, shortDocument('本通知自二〇二四年四月一日起施行。'));
    const { results, renderer } = await build();
    expect(results['report.md'].upToDate).toBe(true);
    expect(results['notice.md'].upToDate).toBe(false);
    expect(results['notice.md'].stale).toEqual({ because: 'input', path: notice });
    expect(results['notice.md'].error).toBeUndefined();
    expect(renderer.prints).toBe(1);
    expect(readFileSync(join(tree.out, 'notice.html'), 'utf8')).toContain('二〇二四年四月一日');
  });

  it('keeps the previous outputs byte-identical when a rebuild fails', async () => {
    const before = outputsOf('notice');
    writeFileSync(join(tree.src, 'notice.md'), shortDocument().replace('date: 2024-03-01', 'date: 三月一日'));
    const { results } = await build();
    expect(results['notice.md'].error?.message).toMatch(/date.*yyyy-mm-dd/);
    expect(outputsOf('notice')).toEqual(before);
    expect(temporaryFiles(tree.out)).toEqual([]);
  });

  it('records the template files a document used, so a template edit rebuilds it', () => {
    const dir = join(tree.out, '.cache/builds');
    const record = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((name) => name.startsWith('report-'))!), 'utf8'));
    expect(Object.keys(record.inputs)).toEqual(expect.arrayContaining([join(tree.src, 'report.md'), join(PROJECT, 'templates/report/print.css')]));
  });
});
