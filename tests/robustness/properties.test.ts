/**
 * Properties over arbitrary Unicode (fast-check): import and parse are total
 * (a result, or one of their documented located errors), lose no character
 * of content, and import is idempotent. Generated lines mix every plane,
 * emoji, CJK extensions, combining marks, private use and Markdown/HTML
 * syntax with Chinese sentences. tests/import/properties.test.ts covers
 * realistic page lines; this file covers what no page should hold.
 */
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { importDocument, ImportError } from '../../scripts/import/index.ts';
import { parseDocument } from '../../scripts/parse/index.ts';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const SPECIAL = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '𠀀', '𪜀', '𫝀', '𫠠', '𬺰', '𰀀', 'é', 'e\u0301', 'a\u0308\u0323', '\uE000', '\uF8FF', '\u{F0000}', '\u200B', '\u3000', '　'];
const SYNTAX = ['#', '*', '_', '`', '>', '-', '+', '|', '[', ']', '(', ')', '<', '>', '&', '\\', '!', '~', '---', '<script>', '</p>', '<img src=x onerror=alert(1)>', 'javascript:', '&nbsp;', '1.', '一、', '（一）'];

const hanRun = fc.string({ unit: fc.constantFrom(...HAN), minLength: 1, maxLength: 12 });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 12 });
const piece = fc.oneof({ weight: 4, arbitrary: hanRun }, fc.constantFrom(...SPECIAL), fc.constantFrom(...SYNTAX), anyUnicode, fc.constantFrom('，', '。', '；', ' ', ','));
const line = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
/** Arbitrary text: any code point anywhere, on any number of lines. */
const arbitraryText = fc.array(fc.oneof(line, anyUnicode, fc.constant('')), { maxLength: 12 }).map((lines) => lines.join('\n'));

/** Text a reader would call content: a title, then sentences of Han characters with anything between them. */
const sentence = fc.tuple(hanRun, fc.constantFrom(...SPECIAL, '', ''), hanRun).map(([a, b, c]) => `${a}${b}${c}。`);
const contentDocument = fc
  .tuple(hanRun.filter((title) => title.length >= 4), fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join('')), { minLength: 1, maxLength: 6 }))
  .map(([title, paragraphs]) => `${title}通知\n\n${paragraphs.join('\n\n')}\n`);

const han = (text: string) => (text.normalize('NFKC').match(/\p{Script=Han}/gu) ?? []).join('');

/** The import, or undefined for its documented error: one line that names the file. */
function tryImport(text: string, path = 'generated.txt') {
  try {
    return importDocument(text, { path });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message).toMatch(new RegExp(`^${path}: [^\\n]+$`));
    return undefined;
  }
}

/** The parse, or undefined for its documented error: a message located in the file. */
function tryParse(text: string) {
  const file = new VFile({ path: 'generated.md', value: text });
  try {
    return { doc: parseDocument(file), file };
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.ruleId).toBeTruthy();
    return undefined;
  }
}

const treeText = (doc: ReturnType<typeof parseDocument>) => doc.tree.children.map((block) => toString(block)).join('\n');

describe('arbitrary Unicode', () => {
  it('import gives a document or its one-line error, from text and from UTF-8 bytes (1,000 inputs)', () => {
    let imported = 0;
    fc.assert(
      fc.property(arbitraryText, (text) => {
        if (tryImport(text)) imported++;
        tryImport(Buffer.from(text, 'utf8') as unknown as string);
      }),
      { numRuns: 1000 },
    );
    // Most of it is refused for good reasons (no text, only noise), but not all: a third or so is a document.
    expect(imported).toBeGreaterThan(200);
  });

  it('parse gives a document or a located error (1,000 inputs)', () => {
    fc.assert(fc.property(arbitraryText, (text) => void tryParse(text)), { numRuns: 1000 });
  });

  it('whatever import writes, parse reads without error and without losing a Han character', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const imported = tryImport(text);
        if (!imported) return;
        const parsed = tryParse(imported.markdown);
        expect(parsed, imported.markdown).toBeDefined();
        const body = imported.markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
        expect(han(treeText(parsed!.doc))).toContain(han(body));
      }),
      { numRuns: 300 },
    );
  });

  it('import is idempotent where fast-check once found it was not: a line after one ending in an ASCII comma', () => {
    // The "!" stayed a paragraph of its own, then joined the line before once its "," was set "，".
    const imported = tryImport('。的的的的的的#的的的的的的的的的的的的\n,\n!')!;
    expect(imported.markdown).toContain('的，！\n');
    expect(importDocument(imported.markdown, { path: 'cleaned.md' }).markdown).toBe(imported.markdown);
  });

  it('import is idempotent: a cleaned file imports unchanged', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const imported = tryImport(text);
        if (!imported) return;
        expect(importDocument(imported.markdown, { path: 'cleaned.md' }).markdown).toBe(imported.markdown);
      }),
      { numRuns: 300 },
    );
  });
});

describe('documents of sentences with anything between the characters', () => {
  it('import and parse keep every Han character, in order', () => {
    fc.assert(
      fc.property(contentDocument, (text) => {
        const imported = tryImport(text);
        expect(imported).toBeDefined();
        expect(han(imported!.markdown)).toContain(han(text.slice(text.indexOf('\n'))));
        const parsed = tryParse(imported!.markdown);
        expect(han(treeText(parsed!.doc))).toBe(han(text));
      }),
      { numRuns: 300 },
    );
  });
});
