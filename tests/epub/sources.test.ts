/**
 * Every document in source/, through the real parse and template stages,
 * into an EPUB: valid (epubcheck 0 errors, 0 warnings) and reading exactly
 * the rendered document's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { writeEpub } from '../../scripts/epub/index.ts';
import { parseDocument } from '../../scripts/parse/index.ts';
import { renderContent } from '../../scripts/template/index.ts';
import { epubcheck, formatMessages } from './helpers/epubcheck.ts';
import { blockTexts, readingText } from './helpers/read-epub.ts';

const SOURCE = new URL('../../source/', import.meta.url);
const documents = readdirSync(SOURCE).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe.each(documents)('source/%s', (filename) => {
  it('makes a valid EPUB whose text is the document text', async () => {
    const file = new VFile({ path: `source/${filename}`, value: readFileSync(new URL(filename, SOURCE)) });
    const rendered = renderContent(parseDocument(file), filename.replace(/\.md$/, ''));
    const book = await writeEpub(rendered);
    const expected = blockTexts(rendered.content);
    expect(expected.length).toBeGreaterThan(3);
    expect(await readingText(book)).toEqual(expected);
    const result = await epubcheck(book);
    expect(formatMessages([...result.fatals, ...result.errors, ...result.warnings])).toBe('');
  });
});
