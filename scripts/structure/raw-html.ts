/**
 * remark plugin: raw HTML in the source is never rendered as markup (the text
 * comes from web pages). It is kept as visible text, with a message.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function rawHtmlAsText(tree: Root, file: VFile): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    file.message('Raw HTML is shown as text, not rendered', { place: node.position, ruleId: 'raw-html', source: 'parse' });
    const text: Text = { type: 'text', value: node.value, position: node.position };
    parent.children[index] = parent.type === 'root' ? ({ type: 'paragraph', children: [text], position: node.position } as never) : text;
  });
}
