/**
 * The text as laid out: line-breaking rules (GB/T 15834 §5.1, cited by
 * GB/T 9704 clause 9) and the text layer (target 11 of docs/gbt9704.md).
 */
import { NO_LINE_END, NO_LINE_START } from '../standard/gbt9704.ts';
import { where, withoutSpaces, type Layout, type Line } from './lines.ts';
import { formatCodePoint, judgeProblems, plural, type CheckResult, type CheckSpec } from './result.ts';
import { TEXT_LAYER_ANOMALIES } from './tolerances.ts';

const CLAUSE = '9 (GB/T 15834 §5.1)';

/** Everything but the page numbers, whose "— N —" legitimately starts with a dash. */
function textLines(layout: Layout): Line[] {
  return layout.lines.filter((line) => line.role !== 'pageNumber');
}

/** A single "—" may not start a line; "——" (破折号, as in an occasion line) may. */
export function startsBadly(text: string): boolean {
  const visible = withoutSpaces(text);
  if (visible.startsWith('——')) return false;
  return visible !== '' && NO_LINE_START.includes(visible[0]);
}

export function endsBadly(text: string): boolean {
  const visible = withoutSpaces(text);
  return visible !== '' && NO_LINE_END.includes(visible.at(-1)!);
}

export function checkLineStarts(layout: Layout): CheckResult {
  const spec = { id: 'line-start', name: 'No line starts with closing punctuation', clause: CLAUSE, wanted: `no line starts with ${NO_LINE_START}` };
  return judgeLines(spec, textLines(layout), startsBadly);
}

export function checkLineEnds(layout: Layout): CheckResult {
  const spec = { id: 'line-end', name: 'No line ends with opening punctuation', clause: CLAUSE, wanted: `no line ends with ${NO_LINE_END}` };
  return judgeLines(spec, textLines(layout), endsBadly);
}

function judgeLines(spec: CheckSpec, lines: Line[], isBad: (text: string) => boolean): CheckResult {
  const bad = lines.filter((line) => isBad(line.text));
  return judgeProblems(spec, `${bad.length} of ${plural(lines.length, 'line')}`, bad.map(where));
}

export function checkTextLayer(layout: Layout): CheckResult {
  const spec = { id: 'text-layer', name: 'Text layer: no radicals or compatibility ideographs', clause: 'target 11', wanted: 'none' };
  const problems = layout.lines.flatMap((line) =>
    [...line.text].flatMap((char) => {
      const anomaly = anomalyOf(char);
      return anomaly ? [`${where(line)}: ${char} ${formatCodePoint(char)} (${anomaly})`] : [];
    }),
  );
  return judgeProblems(spec, `${problems.length} anomalous characters`, problems);
}

function anomalyOf(char: string): string | undefined {
  const code = char.codePointAt(0)!;
  return TEXT_LAYER_ANOMALIES.find((range) => code >= range.from && code <= range.to)?.name;
}
