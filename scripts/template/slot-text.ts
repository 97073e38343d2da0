/**
 * Which characters each font slot sets, read from the template's own CSS:
 * every rule that names a slot family (font-family: gw-…) selects elements
 * of the content, and each text takes the slot of its nearest such element.
 * So the CSS stays the one place that says which element uses which face,
 * and each face is subset to just the characters it sets.
 */
import { compile, type Options } from 'css-select';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { find, html } from 'property-information';
import { SLOTS, type SlotName } from '../fonts/slots.ts';
import { PAGE_NUMBER } from '../standard/gbt9704.ts';

const SLOT_BY_FAMILY = new Map(Object.entries(SLOTS).map(([name, slot]) => [slot.cssFamily, name as SlotName]));

/** The style sheet without its at-rules (@page, @media, @font-face…), which hold no element rules for the content. */
function withoutAtRules(css: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '@' && depth === 0) {
      let j = i;
      while (j < css.length && css[j] !== '{' && css[j] !== ';') j++;
      for (let nested = 0; css[j] === '{' || nested > 0; j++) {
        if (css[j] === '{') nested++;
        else if (css[j] === '}' && --nested === 0) break;
      }
      i = j;
      continue;
    }
    if (css[i] === '{') depth++;
    if (css[i] === '}') depth--;
    out += css[i];
  }
  return out;
}

/** Top-level style rules of a style sheet that set a slot family, in source order. */
export function slotRules(css: string): Array<{ selector: string; slot: SlotName }> {
  const rules: Array<{ selector: string; slot: SlotName }> = [];
  for (const [, selector, body] of withoutAtRules(css.replace(/\/\*[\s\S]*?\*\//g, '')).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const family = /font-family\s*:\s*["']?(gw-[a-z-]+)/.exec(body)?.[1];
    const slot = family ? SLOT_BY_FAMILY.get(family) : undefined;
    if (slot) rules.push({ selector: selector.trim(), slot });
  }
  return rules;
}

type Node = HastRoot | RootContent;

/** An attribute as the style sheet names it, read from hast's properties (className for class, and so on). */
function attribute(element: Element, name: string): string | undefined {
  const info = find(html, name);
  const value = element.properties[info.property];
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.join(info.commaSeparated ? ',' : ' ');
  return value === true ? '' : String(value);
}

/**
 * css-select over a hast tree, whose nodes know their children only: the
 * parents come from `parents`. Each rule is compiled once and tested on each
 * element, one walk for all: hast-util-select walked the tree once per rule
 * (0.13 s of the 10× document's print text, against 0.01 s).
 */
function hastAdapter(parents: Map<Node, Element | HastRoot>): Options<Node, Element>['adapter'] {
  const isTag = (node: Node): node is Element => node.type === 'element';
  const childrenOf = (node: Node): Node[] => ('children' in node ? node.children : []);
  const textOf = (node: Node): string => (node.type === 'text' ? node.value : childrenOf(node).map(textOf).join(''));
  const isAncestor = (ancestor: Node, node: Node) => {
    for (let parent = parents.get(node); parent; parent = parents.get(parent)) if (parent === ancestor) return true;
    return false;
  };
  return {
    isTag,
    getName: (element) => element.tagName,
    getAttributeValue: attribute,
    hasAttrib: (element, name) => attribute(element, name) !== undefined,
    getChildren: childrenOf,
    getParent: (node) => {
      const parent = parents.get(node);
      return parent && isTag(parent) ? parent : null;
    },
    getSiblings: (node) => childrenOf(parents.get(node) ?? node),
    getText: textOf,
    removeSubsets: (nodes) => nodes.filter((node, i) => nodes.indexOf(node) === i && !nodes.some((other) => isAncestor(other, node))),
  };
}

/** The text set in each slot, for the content as the template wraps it (in `wrapper`). */
export function slotTexts(content: HastRoot, css: string, wrapper: Element): Partial<Record<SlotName, string>> {
  const root: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'html', properties: {}, children: [{ ...wrapper, children: content.children as Element[] }] }] };
  const parents = new Map<Node, Element | HastRoot>();
  const elements: Element[] = [];
  const index = (node: Element | HastRoot) => {
    for (const child of node.children) {
      parents.set(child, node);
      if (child.type === 'element') {
        elements.push(child);
        index(child);
      }
    }
  };
  index(root);
  const adapter = hastAdapter(parents);
  const rules = slotRules(css).map(({ selector, slot }) => ({ matches: compile<Node, Element>(selector, { adapter }), slot }));
  // The last rule that matches an element gives its slot, as the later rule wins in the cascade.
  const slotOf = new Map<Element, SlotName>();
  for (const element of elements) for (const { matches, slot } of rules) if (matches(element)) slotOf.set(element, slot);
  const texts: Partial<Record<SlotName, string>> = { song: `${PAGE_NUMBER.dash} 0123456789` };
  const walk = (node: RootContent | HastRoot, slot: SlotName) => {
    if (node.type === 'text') texts[slot] = (texts[slot] ?? '') + node.value;
    if (node.type === 'element' || node.type === 'root') {
      const own = node.type === 'element' ? slotOf.get(node) ?? slot : slot;
      for (const child of node.children) walk(child, own);
    }
  };
  walk(root, 'body');
  return texts;
}
