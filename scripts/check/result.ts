/**
 * The shape of one check's outcome, and the one way numeric checks are
 * measured: a value per place (page or line), compared with what is wanted.
 */

export type Status = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id for machines and tests (`--json`). */
  id: string;
  /** What is checked, for people. */
  name: string;
  /** Clause of GB/T 9704-2012 (or the standard it cites) the rule comes from. */
  clause: string;
  measured: string;
  wanted: string;
  /** `skip`: the PDF has nothing this check applies to (e.g. no full page). */
  status: Status;
  /** Each place that fails, e.g. "p. 3, line 5: 27 characters". */
  problems: string[];
}

export interface CheckSpec {
  id: string;
  name: string;
  clause: string;
  wanted: string;
}

/** Where a measured value comes from, and the value. */
export interface Measurement {
  where: string;
  value: number;
}

/** How the values of a numeric check are judged and summarised. */
export interface Judging {
  ok: (value: number) => boolean;
  /** Unit shown after each value, with its leading space: " mm". */
  unit: string;
  /** What one measurement is of: "page", "line". */
  per: string;
  /** Why there is nothing to measure, when there is not (the check is skipped). */
  none: string;
}

/**
 * Fails the check at each place out of tolerance; `measured` summarises the
 * values as a range. Nothing to measure is a `skip`, not a pass.
 */
export function judgeEach(spec: CheckSpec, measurements: Measurement[], judging: Judging): CheckResult {
  if (measurements.length === 0) return skipped(spec, judging.none);
  const problems = measurements.filter((m) => !judging.ok(m.value)).map((m) => `${m.where}: ${formatNumber(m.value)}${judging.unit}`);
  const measured = `${formatRange(measurements.map((m) => m.value), judging.unit)} (${plural(measurements.length, judging.per)})`;
  return { ...spec, measured, status: problems.length ? 'fail' : 'pass', problems };
}

/** The PDF has nothing the check applies to. */
export function skipped(spec: CheckSpec, why: string): CheckResult {
  return { ...spec, measured: why, status: 'skip', problems: [] };
}

/** A check decided by a list of problems found, with a one-line summary of what was seen. */
export function judgeProblems(spec: CheckSpec, measured: string, problems: string[]): CheckResult {
  return { ...spec, measured, status: problems.length ? 'fail' : 'pass', problems };
}

export function within(value: number, wanted: number, tolerance: number): boolean {
  return Math.abs(value - wanted) <= tolerance + 1e-9;
}

export function formatRange(values: number[], unit: string): string {
  const low = formatNumber(Math.min(...values));
  const high = formatNumber(Math.max(...values));
  return low === high ? `${low}${unit}` : `${low}–${high}${unit}`;
}

/** One decimal is the precision the standard's tolerances need (± 0.5 mm at the finest). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 0.05 ? '0.0' : value.toFixed(1);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "U+2014": how a character is named when its look does not tell it apart. */
export function formatCodePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
