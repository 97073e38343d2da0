/**
 * remark plugin: the document points outside itself only with links a reader
 * may follow later, never with anything fetched while it is built.
 *
 * - Images are not fetched (the renderer is offline, and 公文 carry no
 *   pictures): each is replaced by its alt text, with a message.
 * - Links keep their text. The link itself stays for http, https, mailto and
 *   #fragments (an annotation in the PDF that does nothing until a reader
 *   clicks it); any other target (javascript:, data:, file:, a relative path)
 *   is removed with a message.
 */
import type { Definition, Image, ImageReference, Link, LinkReference, Nodes, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

type Reference = Image | ImageReference | Link | LinkReference;

const FOLLOWABLE = /^(?:https?:\/\/|mailto:|#)/i;
const REFERENCES = new Set(['image', 'imageReference', 'link', 'linkReference']);
const isReference = (node: Nodes): node is Reference => REFERENCES.has(node.type);

/** A URL short enough for a one-line message. */
const shown = (url: string) => (url.length > 60 ? `${url.slice(0, 59)}…` : url);

export function outsideReferencesInert(tree: Root, file: VFile): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node));

  visit(tree, (node, index, parent) => {
    if (!isReference(node) || !parent || index === undefined) return;
    const url = 'url' in node ? node.url : (definitions.get(node.identifier)?.url ?? '');
    let replacement: PhrasingContent[];
    if (node.type === 'image' || node.type === 'imageReference') {
      file.message(`Image \`${shown(url)}\` is not fetched: its description “${node.alt ?? ''}” stands in`, { place: node.position, ruleId: 'image', source: 'parse' });
      replacement = node.alt ? [{ type: 'text', value: node.alt, position: node.position }] : [];
    } else if (!FOLLOWABLE.test(url)) {
      file.message(`Link to \`${shown(url)}\` removed, its text kept: only http, https, mailto and # links are kept`, { place: node.position, ruleId: 'link', source: 'parse' });
      replacement = node.children;
    } else {
      return;
    }
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index];
  });
}
