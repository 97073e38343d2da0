/**
 * The report of `gongwen check` for people: one row per check (check,
 * clause, measured, wanted, result), then the places that failed.
 */
import type { CheckReport } from './index.ts';
import type { CheckResult } from './result.ts';

const HEADER = ['check', 'clause', 'measured', 'wanted', 'result'];
/** Places listed per failed check; the rest are counted (all are in --json). */
const PROBLEMS_SHOWN = 5;

export function formatReport(report: CheckReport): string {
  const rows = report.checks.map((check) => [check.id, check.clause, check.measured, check.wanted, check.status.toUpperCase()]);
  const failed = report.checks.filter((check) => check.status === 'fail');
  return [
    `${report.file}: ${report.pages} pages`,
    ...formatTable([HEADER, ...rows]),
    ...failed.flatMap(formatProblems),
    failed.length ? `${failed.length} of ${report.checks.length} checks failed` : `all ${report.checks.length} checks passed`,
  ].join('\n');
}

function formatProblems(check: CheckResult): string[] {
  const rest = check.problems.length - PROBLEMS_SHOWN;
  return [
    `${check.id} (${check.name}):`,
    ...check.problems.slice(0, PROBLEMS_SHOWN).map((problem) => `  ${problem}`),
    ...(rest > 0 ? [`  … and ${rest} more`] : []),
  ];
}

/** Columns padded to their widest cell, counting a CJK character as two columns as terminals show it. */
function formatTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]))));
  return rows.map((row) => row.map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell))).join('  ').trimEnd());
}

function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1), 0);
}
