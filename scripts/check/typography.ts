/**
 * Glyph sizes and faces per element (GB/T 9704 5.2.2, 7.3.1, 7.3.3, 7.5),
 * and how the fonts are stored in the file (target 8 of docs/gbt9704.md).
 */
import { SIZE_PT } from '../standard/gbt9704.ts';
import { charCount, mostCommon, sameSize, where, type Layout, type Line } from './lines.ts';
import type { PdfFont } from './read-pdf.ts';
import { judgeEach, judgeProblems, plural, type CheckResult, type CheckSpec } from './result.ts';
import { HEADING_LEVEL_1, HEADING_LEVEL_2, SUBSET_TAG } from './tolerances.ts';

export function checkBodySize(layout: Layout): CheckResult {
  return checkSize(layout, { id: 'size-body', name: 'Body glyph size (三号)', clause: '5.2.2', wanted: `${SIZE_PT.body} pt` }, 'body', SIZE_PT.body);
}

export function checkTitleSize(layout: Layout): CheckResult {
  return checkSize(layout, { id: 'size-title', name: 'Title glyph size (二号)', clause: '7.3.1', wanted: `${SIZE_PT.title} pt` }, 'title', SIZE_PT.title);
}

export function checkPageNumberSize(layout: Layout): CheckResult {
  const spec = { id: 'size-page-number', name: 'Page number glyph size (四号)', clause: '7.5', wanted: `${SIZE_PT.pageNumber} pt` };
  return checkSize(layout, spec, 'pageNumber', SIZE_PT.pageNumber);
}

function checkSize(layout: Layout, spec: CheckSpec, role: Line['role'], wantedPt: number): CheckResult {
  const measurements = layout.lines.filter((line) => line.role === role).map((line) => ({ where: where(line), value: line.sizePt }));
  const per = role === 'pageNumber' ? 'page number' : `${role} line`;
  return judgeEach(spec, measurements, { ok: (size) => sameSize(size, wantedPt), unit: ' pt', per, none: `no ${per} found` });
}

type Element = 'title' | 'body' | '一、' | '（一）';

/**
 * Title, body, "一、" and "（一）" each in its own named face. A heading's face
 * is that of its marker (run-in headings switch faces after it); the others'
 * that of most of their characters.
 */
export function checkElementFonts(layout: Layout): CheckResult {
  const spec = { id: 'fonts-elements', name: 'Faces: title, body, 一、, （一） distinct and named', clause: '7.3.1, 7.3.3', wanted: 'each its own named face' };
  const faces = elementFaces(layout);
  const measured = [...faces].map(([element, face]) => `${element} ${face || '(unnamed)'}`).join('; ') || 'no text';
  const problems = [
    ...[...faces].filter(([, face]) => !face).map(([element]) => `${element}: the font has no name`),
    ...clashes(faces),
  ];
  if (!faces.has('title') || !faces.has('body')) problems.push(`no ${faces.has('body') ? 'title' : 'body'} found`);
  return judgeProblems(spec, measured, problems);
}

/**
 * Text a tagged PDF marks as quoted (BlockQuote, ISO 32000-1 14.8.4.3.2:
 * paragraphs attributed to someone other than the author of the text
 * around them), such as the amended provisions a 决定 quotes: its
 * numberings are the quoted document's, so it is body text, never a
 * heading of this one. An untagged PDF does not say.
 */
function isQuoted(line: Line): boolean {
  return line.runs[0].structure.includes('BlockQuote');
}

function elementFaces(layout: Layout): Map<Element, string> {
  const bodyLines = layout.lines.filter((line) => line.role === 'body');
  const opens = (marker: RegExp) => (line: Line) => !isQuoted(line) && marker.test(line.text.trimStart());
  const isHeading = (line: Line) => opens(HEADING_LEVEL_1)(line) || opens(HEADING_LEVEL_2)(line);
  const faces = new Map<Element, string | undefined>([
    ['title', mainFace(layout.lines.filter((line) => line.role === 'title'))],
    ['body', mainFace(bodyLines.filter((line) => !isHeading(line)))],
    ['一、', mainFace(bodyLines.filter(opens(HEADING_LEVEL_1)).map(markerOnly))],
    ['（一）', mainFace(bodyLines.filter(opens(HEADING_LEVEL_2)).map(markerOnly))],
  ]);
  return new Map([...faces].filter((entry): entry is [Element, string] => entry[1] !== undefined));
}

function markerOnly(line: Line): Line {
  return { ...line, runs: line.runs.slice(0, 1) };
}

function mainFace(lines: Line[]): string | undefined {
  return mostCommon(lines.flatMap((line) => line.runs), (run) => faceName(run.font), charCount);
}

function clashes(faces: Map<Element, string>): string[] {
  const entries = [...faces].filter(([, face]) => face);
  return entries.flatMap(([element, face], index) =>
    entries.slice(index + 1).filter(([, other]) => other === face).map(([otherElement]) => `${element} and ${otherElement} share ${face}`),
  );
}

/** The face a font is cut from: its name without the subset tag. */
export function faceName(font: PdfFont): string {
  return font.name.replace(SUBSET_TAG, '');
}

/** Type 3 fonts are judged by checkNoType3; here every other font must be embedded and subset. */
export function checkEmbeddedSubset(fonts: PdfFont[]): CheckResult {
  const spec = { id: 'fonts-embedded', name: 'Fonts embedded and subset', clause: 'target 8', wanted: 'every font embedded, subset' };
  const outlineFonts = fonts.filter((font) => font.type !== 'Type3');
  const problems = outlineFonts.flatMap((font) => [
    ...(font.embedded ? [] : [`${font.name || font.id} (${font.type}) is not embedded`]),
    ...(SUBSET_TAG.test(font.name) ? [] : [`${font.name || font.id} (${font.type}) is not a subset`]),
  ]);
  const types = [...new Set(outlineFonts.map((font) => font.type))].join(', ');
  return judgeProblems(spec, outlineFonts.length ? `${plural(outlineFonts.length, 'font')}: ${types}` : 'no fonts', problems);
}

export function checkNoType3(layout: Layout, fonts: PdfFont[]): CheckResult {
  const spec = { id: 'no-type3', name: 'No Type 3 fonts', clause: 'target 8', wanted: '0 Type 3 fonts' };
  const type3 = new Set(fonts.filter((font) => font.type === 'Type3').map((font) => font.id));
  const linesUsingThem = layout.lines.filter((line) => line.runs.some((run) => type3.has(run.font.id)));
  const problems = linesUsingThem.length || !type3.size
    ? linesUsingThem.map((line) => `${where(line)} is set in a Type 3 font`)
    : [`${type3.size} Type 3 fonts are used for no visible text`];
  return judgeProblems(spec, plural(type3.size, 'Type 3 font'), problems);
}
