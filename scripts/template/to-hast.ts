/**
 * 公文 AST → hast: every block and span with a role gets `class="gw-ROLE"`,
 * every heading a stable id (for bookmarks, the EPUB nav and links), run-in
 * headings (a numbered span opening a paragraph) too.
 */
import type { Properties, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

const LEVELS: ReadonlySet<string> = new Set(['level1', 'level2', 'level3', 'level4']);

export function documentToHast(tree: Root): HastRoot {
  let headings = 0;
  visit(tree, (node) => {
    const role = node.data?.role;
    if (!role) return;
    const properties: Properties = { className: [`gw-${role}`] };
    if (node.type === 'heading' || LEVELS.has(role)) properties.id = `h${++headings}`;
    node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object }).hProperties, ...properties } };
  });
  return toHast(tree) as HastRoot;
}
