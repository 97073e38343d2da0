import type { Ledger, SourceLine } from './ledger.ts';
import type { Meta } from './noise.ts';

export function htmlLines(_text: string, _ledger: Ledger): { lines: SourceLine[]; meta: Meta } {
  throw new Error('HTML input is not supported yet');
}
