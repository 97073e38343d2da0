/**
 * Where ink of a colour lies on a page, as a printed sheet would show it:
 * the page rendered by poppler (pdftoppm, PPM) and scanned row by row.
 */
import { execFileSync } from 'node:child_process';

export interface InkRun {
  topMm: number;
  bottomMm: number;
}

const isRed = (r: number, g: number, b: number) => r > 180 && g < 100 && b < 100;

/** Runs of pixel rows holding red ink on a page, top down, in mm from the paper's top. */
export function redInkRuns(pdf: string, page: number, dpi = 300): InkRun[] {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const mmPerRow = 25.4 / dpi;
  const runs: InkRun[] = [];
  for (let y = 0; y < height; y++) {
    let red = false;
    for (let x = 0, i = y * width * 3; x < width && !red; x++, i += 3) red = isRed(data[i], data[i + 1], data[i + 2]);
    if (!red) continue;
    const last = runs.at(-1);
    if (last && Math.abs(last.bottomMm - y * mmPerRow) < mmPerRow / 2) last.bottomMm = (y + 1) * mmPerRow;
    else runs.push({ topMm: y * mmPerRow, bottomMm: (y + 1) * mmPerRow });
  }
  return runs;
}
