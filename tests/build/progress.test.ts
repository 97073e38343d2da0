/**
 * Batch progress: plain lines where output is a log, a bar redrawn in place
 * on a terminal, with messages printed above it.
 */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../scripts/cli/progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 80, write: (text: string) => chunks.push(text) } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('prints one plain line per document when not on a terminal', () => {
    const { chunks, stream: out } = stream(false);
    const progress = new Progress(2, out);
    progress.started();
    progress.finished('a', 'built a (1.00 s)', true);
    progress.finished('b', 'up to date b', false);
    progress.end();
    expect(chunks.join('')).toBe('built a (1.00 s)\nup to date b\n');
  });

  it('draws a bar on a terminal and prints lines above it', () => {
    const { chunks, stream: out } = stream(true);
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const progress = new Progress(2, out);
      progress.started();
      progress.finished('a', 'built a (1.00 s)', true);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
    const text = chunks.join('');
    expect(text).toContain('built a (1.00 s)\n');
    expect(text).toMatch(/\r\x1b\[K█{12}░{12} 1\/2 {2}a$/);
  });
});
