/**
 * Parse stage: cleaned source (Markdown + YAML front matter) → 公文 AST.
 * remark-parse makes mdast; the structure plugins (scripts/structure) mark
 * the role of every block. Errors fail the VFile with a position.
 */
import type { Heading, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { GongwenDocument } from '../ast/types.ts';
import { insertTitleBlock } from '../structure/title-block.ts';
import { markLeadSentences } from '../structure/lead-sentence.ts';
import { markRoles } from '../structure/roles.ts';
import { markQuotations } from '../structure/quotations.ts';
import { standardSigningDate } from '../structure/signing-date.ts';
import { markAttachments } from '../structure/attachments.ts';
import { markAttendance } from '../structure/attendance.ts';
import { defaultTemplate } from '../structure/kind.ts';
import { markRunInHeadings } from '../structure/run-in-heading.ts';
import { rawHtmlAsText } from '../structure/raw-html.ts';
import { outsideReferencesInert } from '../structure/outside-references.ts';
import { readFrontMatter } from './front-matter.ts';
import { sourceText } from './source-text.ts';

/** A document without a `title` field may give its title as a leading `# heading`. */
function takeTitleHeading(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'heading' || (first as Heading).depth !== 1) return undefined;
  tree.children.shift();
  return toString(first);
}

export function parseDocument(file: VFile): GongwenDocument {
  file.value = sourceText(file);
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(file) as Root;
  const yamlPosition = tree.children.find((n) => n.type === 'yaml')?.position;
  const meta = readFrontMatter(tree, file);
  meta.title ??= takeTitleHeading(tree) as string;
  if (!meta.title?.trim()) {
    file.fail('The document has no title: add `title:` to the front matter or start with a `# heading`', { place: { line: 1, column: 1 }, ruleId: 'no-title', source: 'parse' });
  }
  if (!tree.children.some((n) => n.type !== 'html' && n.type !== 'definition')) {
    file.fail('The document has no text after its front matter', { place: yamlPosition?.end ?? { line: 1, column: 1 }, ruleId: 'empty', source: 'parse' });
  }
  rawHtmlAsText(tree, file);
  outsideReferencesInert(tree, file);
  insertTitleBlock(tree, meta, yamlPosition);
  markAttachments(tree);
  markAttendance(tree);
  markQuotations(tree, file);
  markRoles(tree);
  standardSigningDate(tree, file);
  markLeadSentences(tree);
  markRunInHeadings(tree);
  meta.template ??= defaultTemplate(meta, tree);
  file.data.meta = meta;
  return { meta, tree };
}
