// @ts-check
/**
 * Whole files or none: every output is written under a temporary name in its
 * own folder and renamed over the final name (rename is atomic on one file
 * system), so a reader, a failed rebuild or a second build running at the
 * same time only ever sees a previous whole file or the new whole file — the
 * last writer wins. Temporary files still open when the process ends (an
 * error, SIGINT, SIGTERM) are removed on exit.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** @type {Set<string>} */
const pending = new Set();
let exitHookInstalled = false;

function removePending() {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/**
 * A name beside `final`, unique to this process and call, hidden (leading dot) and ending in `extension`.
 * @param {string} final
 */
export function temporaryName(final, extension = '.tmp') {
  return join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(4).toString('hex')}${extension}`);
}

/**
 * Writes `data` to a temporary file for `final` and returns it; `commit` renames it into place.
 * @param {string} final
 * @param {string | Uint8Array} data
 * @param {string} [extension]
 */
export function writeTemporary(final, data, extension) {
  if (!exitHookInstalled) {
    process.on('exit', removePending);
    exitHookInstalled = true;
  }
  const temp = temporaryName(final, extension);
  pending.add(temp);
  writeFileSync(temp, data);
  return temp;
}

/** A set of outputs that appear together: all renamed into place, or all discarded. */
export class OutputSet {
  /** @type {Array<{ temp: string, final: string }>} */
  #files = [];

  /**
   * @param {string} final
   * @param {string | Uint8Array} data
   * @param {string} [extension]
   */
  add(final, data, extension) {
    const temp = writeTemporary(final, data, extension);
    this.#files.push({ temp, final });
    return temp;
  }

  /** Renames every file into place, in one synchronous run: no signal handler runs between two renames. */
  commit() {
    for (const { temp, final } of this.#files) {
      renameSync(temp, final);
      pending.delete(temp);
    }
    return this.#files.map(({ final }) => final);
  }

  discard() {
    for (const { temp } of this.#files) {
      rmSync(temp, { force: true });
      pending.delete(temp);
    }
  }
}

/**
 * Writes one file whole: a temporary file renamed over `final`.
 * @param {string} final
 * @param {string | Uint8Array} data
 */
export function writeAtomically(final, data) {
  const outputs = new OutputSet();
  outputs.add(final, data);
  outputs.commit();
}
