/**
 * Which characters each font slot sets, read from the template's own CSS:
 * every rule that names a slot family (font-family: gw-…) selects elements
 * of the content, and each text takes the slot of its nearest such element.
 * So the CSS stays the one place that says which element uses which face,
 * and each face is subset to just the characters it sets.
 */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { selectAll } from 'hast-util-select';
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

/** The text set in each slot, for the content as the template wraps it (in `wrapper`). */
export function slotTexts(content: HastRoot, css: string, wrapper: Element): Partial<Record<SlotName, string>> {
  const root: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'html', properties: {}, children: [{ ...wrapper, children: content.children as Element[] }] }] };
  const slotOf = new Map<Element, SlotName>();
  for (const { selector, slot } of slotRules(css)) {
    for (const element of selectAll(selector, root)) slotOf.set(element, slot);
  }
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
