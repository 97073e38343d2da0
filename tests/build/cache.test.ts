/**
 * The parts of the build that need no browser: file stamps, cache records,
 * shards, the pool and whole-file outputs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { BuildCache } from '../../scripts/build/cache.js';
import { folderSignatures, stampFile, stampFiles, stillMatches } from '../../scripts/build/fingerprint.js';
import { OutputSet } from '../../scripts/build/outputs.js';
import { runPool } from '../../scripts/build/pool.ts';
import { parseShard, selectShard, shardOf } from '../../scripts/build/shard.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'gongwen-cache-'));

describe('file stamps', () => {
  it('match while the content is the same, even with a new time, and not after an edit', () => {
    const file = join(scratch(), 'a.md');
    writeFileSync(file, '正文');
    const stamp = stampFile(file)!;
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(stillMatches(file, stamp)).toBe(true);
    writeFileSync(file, '正文。');
    expect(stillMatches(file, stamp)).toBe(false);
  });

  it('without a hash, trust size and time only (fonts)', () => {
    const file = join(scratch(), 'font.ttf');
    writeFileSync(file, 'ab');
    const stamp = stampFile(file, false)!;
    writeFileSync(file, 'cd');
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(stillMatches(file, stamp)).toBe(false);
  });
});

describe('cache records', () => {
  const setUp = () => {
    const dir = scratch();
    const [source, template, output, fonts] = ['doc.md', 'print.css', 'doc.pdf', 'fonts'].map((name) => join(dir, name));
    writeFileSync(source, '正文');
    writeFileSync(template, 'p {}');
    writeFileSync(output, '%PDF');
    mkdirSync(fonts);
    const cache = new BuildCache(join(dir, 'out'));
    const file = new VFile();
    file.message('a warning', { place: { line: 2, column: 3 }, ruleId: 'rule', source: 'test' });
    cache.save('doc', source, { key: 'k', inputs: stampFiles([source, template]), folders: folderSignatures([fonts]), outputs: [output], stages: { print: 'p1' }, file });
    return { cache, source, template, output, fonts };
  };

  it('say a document is up to date while its inputs, outputs and key are unchanged, and why not otherwise', () => {
    const { cache, source } = setUp();
    expect(cache.check('doc', source, 'k')).toHaveProperty('record');
    expect(cache.check('doc', source, 'other key')).toEqual({ stale: { because: 'tool' } });
    expect(cache.check('other', join(source, '..', 'other.md'), 'k')).toEqual({ stale: { because: 'new' } });
  });

  it('go stale when the source is edited', () => {
    const { cache, source } = setUp();
    writeFileSync(source, '正文，改过');
    expect(cache.check('doc', source, 'k')).toEqual({ stale: { because: 'input', path: source } });
  });

  it('go stale when a template it used changes', () => {
    const { cache, source, template } = setUp();
    writeFileSync(template, 'p { color: red }');
    expect(cache.check('doc', source, 'k')).toEqual({ stale: { because: 'input', path: template } });
  });

  it('go stale when a font is added to a font folder the build searched', () => {
    const { cache, source, fonts } = setUp();
    writeFileSync(join(fonts, 'FZXiaoBiaoSong-B05S.ttf'), 'font');
    expect(cache.check('doc', source, 'k')).toEqual({ stale: { because: 'fonts', path: fonts } });
  });

  it('go stale when an output is edited or removed', () => {
    const { cache, source, output } = setUp();
    writeFileSync(output, '%PDF-broken');
    expect(cache.check('doc', source, 'k')).toEqual({ stale: { because: 'output', path: output } });
  });

  it('give back the warnings of the build they describe', () => {
    const { cache, source } = setUp();
    const file = new VFile();
    const checked = cache.check('doc', source, 'k');
    if (!('record' in checked)) throw new Error('not up to date');
    BuildCache.replay(checked.record, file);
    expect(file.messages.map(String)).toEqual(['2:3: a warning']);
  });

  it('keep the stage products some record names and prune the others', () => {
    const { cache } = setUp();
    cache.writeStage('print', 'p1', new Uint8Array([1]));
    cache.writeStage('print', 'p0', new Uint8Array([0]));
    cache.prune();
    expect(cache.readStage('print', 'p1')).toBeDefined();
    expect(cache.readStage('print', 'p0')).toBeUndefined();
  });
});

describe('shards', () => {
  const names = Array.from({ length: 200 }, (_, i) => `/corpus/doc-${i}.md`);

  it('split the documents into disjoint shares that cover them all', () => {
    const shares = [1, 2, 3, 4].map((index) => selectShard(names, { index, count: 4 }));
    expect(shares.flat().sort()).toEqual([...names].sort());
    for (const share of shares) expect(share.length).toBeGreaterThan(25);
  });

  it('depend on the file name only, not its folder or the other documents', () => {
    expect(shardOf('/a/x/报告.md', 7)).toBe(shardOf('/other/checkout/报告.md', 7));
    expect(selectShard(names.slice(0, 50), { index: 2, count: 3 })).toEqual(selectShard(names, { index: 2, count: 3 }).filter((n) => names.slice(0, 50).includes(n)));
  });

  it('reject what is not i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});

describe('the pool', () => {
  it('runs at most `limit` tasks at once and goes on after a failure', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 3) return;
      done.push(n);
    });
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 4, 5, 6]);
  });
});

describe('whole-file outputs', () => {
  it('appear together on commit and leave nothing on discard', () => {
    const dir = scratch();
    const first = new OutputSet();
    first.add(join(dir, 'a.pdf'), 'pdf');
    first.add(join(dir, 'a.epub'), 'epub');
    expect(readdirSync(dir).every((name) => name.startsWith('.'))).toBe(true);
    first.commit();
    expect(readdirSync(dir).sort()).toEqual(['a.epub', 'a.pdf']);
    const second = new OutputSet();
    second.add(join(dir, 'a.pdf'), 'new pdf');
    second.discard();
    expect(readdirSync(dir).sort()).toEqual(['a.epub', 'a.pdf']);
    expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('pdf');
  });
});
