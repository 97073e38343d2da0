/**
 * 版记 (GB/T 9704-2012 7.4.1): "末条分隔线与公文最后一页的版心下边缘重合" —
 * on the last page, its last rule on the text block's bottom edge. The 版记
 * is found by its lines ("抄送：…", "…印发"), its last rule as the lowest
 * rule under them: a filled shape about as wide as the block and under a
 * millimetre high. A letter's 版记 has no rules (10.1) and is not measured.
 */
import { TEXT_BLOCK } from '../standard/gbt9704.ts';
import { withoutSpaces, type Layout } from './lines.ts';
import { judgeProblems, skipped, within, type CheckResult } from './result.ts';

const BLOCK_BOTTOM_MM = TEXT_BLOCK.topMm + TEXT_BLOCK.heightMm;
/** A rule is thinner than this; the outer rules are 0.35 mm. */
const RULE_MAX_HEIGHT_MM = 1;
const isRecordLine = (text: string) => /^抄送[：:]/.test(text) || /印发$/.test(text);

export function checkRecordLastRule(layout: Layout): CheckResult {
  const spec = {
    id: 'record-last-rule',
    name: '版记: last rule on the block’s bottom edge, last page',
    clause: '7.4.1',
    wanted: `${BLOCK_BOTTOM_MM} mm ± ${TEXT_BLOCK.toleranceMm} on the last page`,
  };
  const recordLines = layout.lines.filter((line) => isRecordLine(withoutSpaces(line.text)));
  if (!recordLines.length) return skipped(spec, 'no 版记 (no 抄送 or 印发 line)');
  const last = recordLines.at(-1)!;
  const lastPage = layout.pages.at(-1)!;
  if (last.page !== lastPage.number) return judgeProblems(spec, `版记 on p. ${last.page}`, [`the 版记 is on p. ${last.page}, the last page is ${lastPage.number}`]);
  const rules = lastPage.shapes.filter(
    (shape) => shape.bottomMm - shape.topMm <= RULE_MAX_HEIGHT_MM && within(shape.rightMm - shape.leftMm, TEXT_BLOCK.widthMm, TEXT_BLOCK.toleranceMm) && shape.topMm > last.baselineMm,
  );
  if (!rules.length) return skipped(spec, `版记 on p. ${last.page} without rules`);
  const bottomMm = Math.max(...rules.map((rule) => rule.bottomMm));
  const measured = `${bottomMm.toFixed(1)} mm (p. ${last.page})`;
  return judgeProblems(spec, measured, within(bottomMm, BLOCK_BOTTOM_MM, TEXT_BLOCK.toleranceMm) ? [] : [`p. ${last.page}: last rule at ${bottomMm.toFixed(1)} mm`]);
}
