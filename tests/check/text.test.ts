import { describe, expect, test } from 'vitest';
import { endsBadly, startsBadly } from '../../scripts/check/text.ts';

describe('line-breaking rules (GB/T 15834 §5.1)', () => {
  test.each(['，的', '。', '”的', '）', '…的', '·的', '—的', '%', ' ，的'])('%s may not start a line', (text) => {
    expect(startsBadly(text)).toBe(true);
  });

  test.each(['——2024年1月30日在', '的，', '“的', '（一）', '2024年', ''])('%s may start a line', (text) => {
    expect(startsBadly(text)).toBe(false);
  });

  test.each(['的“', '的（', '《', '的【 '])('%s may not end a line', (text) => {
    expect(endsBadly(text)).toBe(true);
  });

  test.each(['的”', '的）', '的，', ''])('%s may end a line', (text) => {
    expect(endsBadly(text)).toBe(false);
  });
});
