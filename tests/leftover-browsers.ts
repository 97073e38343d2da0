/**
 * Global setup: after the whole suite, no Chromium that the suite started may
 * still run (issue 7). Browsers already running when the suite began (another
 * user's, another session's) are not counted.
 */
import { execFileSync } from 'node:child_process';

function chromiumPids(): Set<number> {
  try {
    const out = execFileSync('pgrep', ['-f', 'chrom(e|ium).*--headless'], { encoding: 'utf8' });
    return new Set(out.split('\n').filter(Boolean).map(Number));
  } catch {
    return new Set(); // pgrep exits 1 when nothing matches
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function setup(): () => Promise<void> {
  const before = chromiumPids();
  return async () => {
    // A browser closed in the last test may take a moment to exit.
    for (let attempt = 0; attempt < 20; attempt++) {
      const left = [...chromiumPids()].filter((pid) => !before.has(pid));
      if (!left.length) return;
      if (attempt === 19) {
        // vitest reports an error thrown here but still exits 0; the exit code must say it too.
        console.error(`\nFAIL: the test suite left ${left.length} Chromium processes running: ${left.join(', ')}`);
        process.exitCode = 1;
        return;
      }
      await sleep(500);
    }
  };
}
