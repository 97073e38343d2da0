/**
 * The import's book-keeping: every non-blank input line ends up kept (in the
 * body), moved (to front matter) or dropped (with a reason). Each move, drop
 * and rewrite is also a message on the VFile, placed at the raw line:column,
 * so `--report` prints what happened to the text and where.
 */
import type { VFile } from 'vfile';

/** One non-blank line of the input, with its place in the raw input. */
export interface SourceLine {
  /** The line's text, trimmed, after character clean-up. */
  text: string;
  line: number;
  column: number;
  /** Depth of a Markdown ATX heading marker (`## `) the line carried. */
  depth?: number;
}

export type Disposition = 'kept' | 'moved' | 'dropped';

export interface LineAccount {
  line: number;
  column: number;
  text: string;
  disposition: Disposition;
  ruleId?: string;
}

export interface Accounting {
  /** Non-blank input lines. */
  total: number;
  kept: number;
  moved: number;
  dropped: number;
  lines: LineAccount[];
}

function placeOf(line: SourceLine, column = line.column) {
  return { line: line.line, column };
}

export class Ledger {
  private readonly accounts = new Map<SourceLine, LineAccount>();

  constructor(private readonly file: VFile) {}

  /** Register the input's lines; until told otherwise, a line is kept. */
  open(lines: SourceLine[]): void {
    for (const line of lines) {
      this.accounts.set(line, { line: line.line, column: line.column, text: line.text, disposition: 'kept' });
    }
  }

  drop(line: SourceLine, ruleId: string, reason: string): void {
    this.settle(line, 'dropped', ruleId);
    this.file.message(`Dropped ${reason}: “${line.text}”`, { place: placeOf(line), ruleId });
  }

  move(line: SourceLine, ruleId: string, reason: string): void {
    this.settle(line, 'moved', ruleId);
    this.file.info(`Moved ${reason}`, { place: placeOf(line), ruleId });
  }

  /** A kept line whose text was changed. */
  rewrite(line: SourceLine, ruleId: string, reason: string, column?: number): void {
    this.file.message(reason, { place: placeOf(line, column), ruleId });
  }

  /** A warning about a kept line that was not changed. */
  warn(line: SourceLine, ruleId: string, reason: string): void {
    this.file.message(reason, { place: placeOf(line), ruleId });
  }

  isSettled(line: SourceLine): boolean {
    return this.accounts.get(line)?.disposition !== 'kept';
  }

  accounting(): Accounting {
    const lines = [...this.accounts.values()].sort((a, b) => a.line - b.line || a.column - b.column);
    const count = (disposition: Disposition) => lines.filter((account) => account.disposition === disposition).length;
    return { total: lines.length, kept: count('kept'), moved: count('moved'), dropped: count('dropped'), lines };
  }

  private settle(line: SourceLine, disposition: Disposition, ruleId: string): void {
    const account = this.accounts.get(line);
    if (!account) throw new Error(`line ${line.line} was never registered with the ledger`);
    account.disposition = disposition;
    account.ruleId = ruleId;
  }
}
