/**
 * Accessibility metadata for the package document (EPUB Accessibility 1.1,
 * schema.org properties), stated from what the writer actually produces.
 */

export interface AccessibilityFacts {
  /** A page-list of the print edition's pages is present. */
  pageList: boolean;
  /** A cover image (with a text alternative) is present. */
  cover: boolean;
}

export interface MetaEntry {
  property: string;
  value: string;
}

export const CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA';

const SUMMARY =
  '本书为可重排的文字版，语言为简体中文；目录按部分、章节和段首句分级导航，阅读顺序与印刷版一致，文字可由读者调整字号和字体。';
const PAGE_SUMMARY = '页码列表指向印刷版（PDF）每一页的起始位置。';
const COVER_SUMMARY = '封面图片附有文字说明。';

export function accessibilityMetadata(facts: AccessibilityFacts): MetaEntry[] {
  const features = [
    'tableOfContents',
    'readingOrder',
    'structuralNavigation',
    'displayTransformability',
    // printPageNumbers is the older name of pageBreakMarkers; readers and checkers know one or the other.
    ...(facts.pageList ? ['pageBreakMarkers', 'printPageNumbers', 'pageNavigation'] : []),
    ...(facts.cover ? ['alternativeText'] : []),
  ];
  const summary = SUMMARY + (facts.pageList ? PAGE_SUMMARY : '') + (facts.cover ? COVER_SUMMARY : '');
  return [
    { property: 'schema:accessMode', value: 'textual' },
    ...(facts.cover ? [{ property: 'schema:accessMode', value: 'visual' }] : []),
    { property: 'schema:accessModeSufficient', value: 'textual' },
    ...features.map((value) => ({ property: 'schema:accessibilityFeature', value })),
    { property: 'schema:accessibilityHazard', value: 'none' },
    { property: 'schema:accessibilitySummary', value: summary },
    { property: 'dcterms:conformsTo', value: CONFORMS_TO },
    { property: 'a11y:certifiedBy', value: 'gongwen（自评）' },
  ];
}
