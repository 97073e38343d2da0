import { EPub } from 'epub-gen-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { epubcheck, formatMessages } from './helpers/epubcheck.ts';
import { fixtureDocument } from './helpers/fixture.ts';

describe('epubcheck', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('finds the errors of epub-gen-memory defaults (the checker can fail)', async () => {
    const defaults = await new EPub({ title: '标题' }, [{ title: '一', content: '<p>正文</p>' }]).genEpub();
    const result = await epubcheck(defaults);
    expect(result.errors.map((m) => m.id)).toContain('RSC-005'); // empty dc:description
  });

  it('passes the report with 0 errors and 0 warnings', async () => {
    const result = await epubcheck(await writeEpub(fixtureDocument()));
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
  });

  it('passes an undated document with a single chapter and no part headings', async () => {
    const doc = fixtureDocument('no-parts', { date: undefined, publisher: undefined });
    vi.stubEnv('SOURCE_DATE_EPOCH', undefined);
    const result = await epubcheck(await writeEpub(doc));
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
  });
});
