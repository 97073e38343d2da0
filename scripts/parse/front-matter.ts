/**
 * remark plugin: reads the YAML front matter into `file.data.meta`, checks
 * its fields, and removes the node from the tree. Bad YAML or a field of the
 * wrong type fails the file with the position of the offending line.
 */
import type { Root, Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { type Document, isMap, isScalar, parseDocument as parseYaml } from 'yaml';
import type { FrontMatter } from '../ast/types.ts';
import { availableTemplates } from '../template/index.ts';

declare module 'vfile' {
  interface DataMap {
    meta: FrontMatter & { lang: string };
  }
}

const STRING_FIELDS = [
  'title', 'occasion', 'speaker', 'date', 'publisher', 'published', 'author',
  'documentNumber', 'source', 'template', 'lang', 'description',
  'issuer', 'issuerMark', 'copyNumber', 'secrecy', 'urgency', 'printedBy', 'printedDate',
] as const satisfies ReadonlyArray<keyof FrontMatter>;
/** Fields that take one name or a list of names (签发人, 抄送机关). */
const NAME_LIST_FIELDS = ['signer', 'copyTo'] as const satisfies ReadonlyArray<keyof FrontMatter>;
const ISO_DATE_FIELDS = ['date', 'published', 'printedDate'] as const;
const KNOWN = new Set<string>([...STRING_FIELDS, ...NAME_LIST_FIELDS, 'keywords']);

function lineOf(yamlNode: Yaml, offsetInYaml: number): { line: number; column: number } {
  const before = yamlNode.value.slice(0, offsetInYaml).split('\n');
  // The node's value starts on the line after the opening "---".
  return { line: (yamlNode.position?.start.line ?? 1) + before.length, column: before[before.length - 1].length + 1 };
}

type Place = Point | Position;

/** Where `key:` is written, so an error about a field points at its line. */
function fieldPlace(parsed: Document, yamlNode: Yaml, key: string): { line: number; column: number } | undefined {
  const pair = isMap(parsed.contents) ? parsed.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  return pair && isScalar(pair.key) && pair.key.range ? lineOf(yamlNode, pair.key.range[0]) : undefined;
}

export function readFrontMatter(tree: Root, file: VFile): FrontMatter & { lang: string } {
  const index = tree.children.findIndex((node) => node.type === 'yaml');
  const node = index >= 0 ? (tree.children[index] as Yaml) : undefined;
  const fields: Record<string, unknown> = {};
  let placeOf = (_key: string): Place | undefined => node?.position;
  if (node) {
    const parsed = parseYaml(node.value);
    placeOf = (key) => fieldPlace(parsed, node, key) ?? node.position;
    const error = parsed.errors[0];
    if (error) {
      // The place is given below; YAML's own "at line 1, column 11" counts from the front matter, not the file.
      file.fail(`Front matter is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, { place: lineOf(node, error.pos[0]), ruleId: 'front-matter', source: 'parse' });
    }
    const value = parsed.toJS();
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      file.fail('Front matter must be a mapping of field: value', { place: node.position, ruleId: 'front-matter', source: 'parse' });
    }
    Object.assign(fields, value ?? {});
    tree.children.splice(index, 1);
  }
  for (const key of Object.keys(fields)) {
    if (!KNOWN.has(key)) file.message(`Unknown front matter field \`${key}\`: ignored`, { place: placeOf(key), ruleId: 'front-matter', source: 'parse' });
  }
  for (const key of STRING_FIELDS) {
    const value = fields[key];
    if (value instanceof Date) fields[key] = value.toISOString().slice(0, 10);
    else if (typeof value === 'number') fields[key] = String(value);
    else if (value !== undefined && typeof value !== 'string') {
      file.fail(`Front matter field \`${key}\` must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`, { place: placeOf(key), ruleId: 'front-matter', source: 'parse' });
    }
  }
  for (const key of ISO_DATE_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      file.fail(`Front matter field \`${key}\` must be a date as yyyy-mm-dd, not \`${value}\``, { place: placeOf(key), ruleId: 'front-matter', source: 'parse' });
    }
  }
  for (const key of NAME_LIST_FIELDS) {
    const value = fields[key];
    if (value !== undefined && typeof value !== 'string' && !(Array.isArray(value) && value.every((name) => typeof name === 'string'))) {
      file.fail(`Front matter field \`${key}\` must be a name or a list of names`, { place: placeOf(key), ruleId: 'front-matter', source: 'parse' });
    }
  }
  // GB/T 9704-2012 7.2.2, 7.2.3: the words the standard uses; others print, with a warning.
  if (typeof fields.secrecy === 'string' && !/^(绝密|机密|秘密)/.test(fields.secrecy)) {
    file.message(`Front matter field \`secrecy\` should start with 绝密, 机密 or 秘密, not \`${fields.secrecy}\``, { place: placeOf('secrecy'), ruleId: 'front-matter', source: 'parse' });
  }
  if (typeof fields.urgency === 'string' && !/^(特急|加急)$/.test(fields.urgency)) {
    file.message(`Front matter field \`urgency\` should be 特急 or 加急, not \`${fields.urgency}\``, { place: placeOf('urgency'), ruleId: 'front-matter', source: 'parse' });
  }
  const template = fields.template;
  if (typeof template === 'string' && !availableTemplates().includes(template)) {
    file.fail(`Front matter field \`template\` names no template: \`${template}\`; available are ${availableTemplates().join(', ')}`, { place: placeOf('template'), ruleId: 'front-matter', source: 'parse' });
  }
  const keywords = fields.keywords;
  if (keywords !== undefined && !(Array.isArray(keywords) && keywords.every((k) => typeof k === 'string'))) {
    file.fail('Front matter field `keywords` must be a list of words', { place: placeOf('keywords'), ruleId: 'front-matter', source: 'parse' });
  }
  const meta = fields as unknown as FrontMatter;
  return { ...meta, lang: meta.lang ?? 'zh-CN' };
}
